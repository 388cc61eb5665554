import CXLSX

/// The 期間推移, 見込み and システム導入 sheets, for the yearly workbook and the period workbook.
extension XLSXReportWriter {
    /// The summary sheet's row for new systems that are not measured (no register): 未計測, never 0.
    static func writeUnmeasuredTarget(_ report: YearReport, to summary: Sheet, row: inout UInt32) {
        guard let cells = PeriodTableText.unmeasuredTarget(report.newSystems), let target = report.newSystems?.target else { return }
        summary.text(row, 0, cells[0]); summary.text(row, 1, cells[2]); summary.number(row, 2, Double(target), whole: true); summary.text(row, 3, cells[3])
        row += 1
    }

    /// A yearly report's sheets for the sections it has.
    static func writePeriodSheets(_ report: YearReport, to book: Book) {
        if let table = report.policyPeriod { periodSheet(table, book) }
        if let path = report.targetPath { plannedSheet(path, book) }
        if let systems = report.newSystems { systemsSheet([systems], book) }
    }

    static func periodSheet(_ table: PolicyPeriodTable, _ book: Book) {
        let sheet = book.sheet("期間推移", header: PeriodTableText.header + ["基準日"])
        for (i, y) in table.years.enumerated() {
            let r = UInt32(i + 1)
            func hours(_ c: UInt16, _ value: Double?) { if let value { sheet.number(r, c, value) } else { sheet.text(r, c, "—") } }
            func count(_ c: UInt16, _ value: Int?) { if let value { sheet.number(r, c, Double(value), whole: true) } else { sheet.text(r, c, "—") } }
            sheet.text(r, 0, y.label); sheet.text(r, 1, PeriodTableText.status(y))
            // A target with a fraction shows it, as PeriodTableText.target does (helper-191 #2: 1,600.40 shown 1,600 beside 1,600.00 未達成).
            if let target = y.rpaTarget { sheet.number(r, 2, target, whole: target == target.rounded()) } else { sheet.text(r, 2, "—") }
            if y.rpaRecorded == false { sheet.text(r, 3, PeriodTableText.noRecords) } else { hours(3, y.rpaHours) }
            hours(4, y.projectedRPAHours); sheet.text(r, 5, PeriodTableText.rpaMet(y))
            hours(6, y.cumulativeRPAHours); hours(7, y.projectedCumulativeRPAHours)
            count(8, y.aiTasksTarget)
            if y.aiRecorded == false { sheet.text(r, 9, PeriodTableText.noRecords) } else { count(9, y.aiTasks) }
            sheet.text(r, 10, PeriodTableText.aiMet(y)); count(11, y.newSystemsTarget)
            if table.newSystemsMeasured {
                // None planned is —, as in the Markdown (PeriodTableText.row), not a 0 that reads as a count.
                count(12, y.newSystems); count(13, y.newSystemsPlanned == 0 ? nil : y.newSystemsPlanned); sheet.text(r, 14, PeriodTableText.met(y.newSystemsMet))
            } else {
                for c: UInt16 in 12...14 { sheet.text(r, c, "未計測") }
            }
            sheet.text(r, 15, table.asOf)
        }
        sheet.width(0, 12); sheet.width(1, 24)
        for c: UInt16 in 2...15 { sheet.width(c, 14) }
        worksheet_autofilter(sheet.worksheet, 0, 0, UInt32(table.years.count), 15)
    }

    static func plannedSheet(_ path: TargetPath, _ book: Book) {
        let sheet = book.sheet("見込み", header: ["年度", "区分", "業務ID", "業務名", "担当課", "ツール", "単位", "年間の見込み処理量", "1単位あたりの削減時間（分）",
                                                 "本番開始日", "数えた日数", "年度の日数", "見込み時間（時間）", "RPA 目標に含める", "目標（時間）",
                                                 "ログにもとづく見込み（時間）", "目標まで（時間）", "計画中の業務を含めた残り（時間）", "基準日"])
        var r: UInt32 = 1
        for year in path.years {
            sheet.text(r, 0, year.label); sheet.text(r, 1, "見込み（年度計）"); sheet.number(r, 12, year.plannedRPAHours)
            if let target = year.target { sheet.number(r, 14, target) }
            sheet.number(r, 15, year.projectedRPAHours)
            if let toTarget = year.toTarget { sheet.number(r, 16, toTarget) }
            if let gap = year.remainingGap { sheet.number(r, 17, gap) }
            sheet.text(r, 18, path.asOf)
            r += 1
            for t in year.plannedTasks {
                sheet.text(r, 0, year.label); sheet.text(r, 1, "見込み（計画中の業務）"); sheet.text(r, 2, t.task); sheet.text(r, 3, t.name)
                sheet.text(r, 4, t.department); sheet.text(r, 5, SystemLabel.text(t.system)); sheet.text(r, 6, EffectUnitLabel.text(t.unit))
                sheet.number(r, 7, t.expectedUnitsPerYear); sheet.number(r, 8, t.savedMinutesPerUnit); sheet.text(r, 9, t.productionFrom)
                sheet.number(r, 10, Double(t.daysCounted), whole: true); sheet.number(r, 11, Double(t.daysInYear), whole: true)
                sheet.number(r, 12, t.hours); sheet.text(r, 13, t.countsTowardRPATarget ? "含める" : "含めない（RPA 以外）"); sheet.text(r, 18, path.asOf)
                r += 1
            }
        }
        sheet.width(0, 12); sheet.width(1, 22); sheet.width(3, 28); sheet.width(4, 14)
        for c: UInt16 in 5...18 where c != 9 { sheet.width(c, 14) }
        sheet.width(9, 12)
        worksheet_autofilter(sheet.worksheet, 0, 0, r - 1, 18)
    }

    static func systemsSheet(_ years: [NewSystemsLine], _ book: Book) {
        let sheet = book.sheet("システム導入", header: PeriodTableText.systemsHeader)
        guard years.first?.measured == true else {
            sheet.text(1, 0, "未計測（kouka.toml に systems の登録簿が設定されていません）")
            sheet.width(0, 60)
            return
        }
        var r: UInt32 = 1
        for year in years {
            for s in year.systems {
                let cells = PeriodTableText.systemRow(year, s)
                for (c, cell) in cells.enumerated().dropLast() { sheet.text(r, UInt16(c), cell) }
                sheet.number(r, 8, Double(s.line), whole: true)
                r += 1
            }
        }
        sheet.width(0, 12); sheet.width(1, 28); sheet.width(2, 14); sheet.width(3, 14); sheet.width(4, 12); sheet.width(5, 24); sheet.width(7, 20)
        worksheet_autofilter(sheet.worksheet, 0, 0, max(r - 1, 1), 8)
    }
}
