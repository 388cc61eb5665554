import Foundation

/// The policy period table and the planned tasks as CSV (UTF-8 with a BOM, CRLF, plain numbers), for the
/// yearly report set and the period report set.
extension CSVReportWriter {
    /// A yearly report's extra files: `<stem>-period.csv` and `<stem>-planned.csv` when it has those sections.
    package static func periodFiles(_ report: YearReport, stem: String, shiftJIS: Bool) -> [(String, Data)] {
        var files: [(String, Data)] = []
        if let table = report.policyPeriod {
            var csv = ""
            writePeriod(table, to: &csv)
            files.append(("\(stem)-period.csv", Data(csv.utf8)))
        }
        if let path = report.targetPath {
            var csv = ""
            writePlanned(path, to: &csv)
            files.append(("\(stem)-planned.csv", Data(csv.utf8)))
        }
        if shiftJIS {
            files += files.map { ($0.0.replacingOccurrences(of: ".csv", with: "-sjis.csv"), Self.shiftJIS(String(decoding: $0.1, as: UTF8.self))) }
        }
        return files
    }

    /// One row per fiscal year of the period; 見込み columns are named so, and new systems without a register
    /// say 未計測 (never 0).
    package static func writePeriod(_ table: PolicyPeriodTable, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row(["年度", "fiscal_year", "区分", "RPA 目標（時間）", "RPA 実績（時間）", "RPA 見込み（時間）", "RPA 達成", "RPA 累計 実績（時間）",
                                  "RPA 累計 見込み（時間）", "AI 目標（業務）", "AI 実績（業務）", "AI 達成", "システム導入 目標", "システム導入 実績",
                                  "システム導入 見込み", "システム導入 達成", "基準日"]))
        func hours(_ value: Double?) -> String { value.map { NumberText.plain($0) } ?? "" }
        func count(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let measured = table.newSystemsMeasured
        for y in table.years {
            output.write(CSVCell.row([
                y.label, String(y.fiscalYear), PeriodTableText.status(y), hours(y.rpaTarget), hours(y.rpaHours), hours(y.projectedRPAHours),
                PeriodTableText.rpaMet(y), hours(y.cumulativeRPAHours), hours(y.projectedCumulativeRPAHours),
                count(y.aiTasksTarget), count(y.aiTasks), PeriodTableText.aiMet(y), count(y.newSystemsTarget),
                measured ? count(y.newSystems) : "未計測", measured ? count(y.newSystemsPlanned) : "未計測",
                measured ? PeriodTableText.met(y.newSystemsMet) : "未計測", table.asOf,
            ]))
        }
    }

    /// The path to the target: one row per year and planned task (見込み), and a row per year with its totals.
    package static func writePlanned(_ path: TargetPath, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row(["年度", "区分", "業務ID", "業務名", "担当課", "ツール", "単位", "年間の見込み処理量", "1単位あたりの削減時間（分）", "本番開始日",
                                  "数えた日数", "年度の日数", "見込み時間（時間）", "RPA 目標に含める", "目標（時間）", "ログにもとづく見込み（時間）",
                                  "目標まで（時間）", "計画中の業務を含めた残り（時間）", "基準日"]))
        for year in path.years {
            let target = year.target.map { NumberText.plain($0) } ?? ""
            output.write(CSVCell.row([year.label, "見込み（年度計）", "", "", "", "", "", "", "", "", "", "", NumberText.plain(year.plannedRPAHours), "", target,
                                      NumberText.plain(year.projectedRPAHours), year.toTarget.map { NumberText.plain($0) } ?? "",
                                      year.remainingGap.map { NumberText.plain($0) } ?? "", path.asOf]))
            for t in year.plannedTasks {
                output.write(CSVCell.row([year.label, "見込み（計画中の業務）", CSVCell.text(t.task), CSVCell.text(t.name), CSVCell.text(t.department), t.system, t.unit,
                                          NumberText.plain(t.expectedUnitsPerYear), NumberText.givenPlain(t.savedMinutesPerUnit), t.productionFrom,
                                          String(t.daysCounted), String(t.daysInYear), NumberText.plain(t.hours), t.countsTowardRPATarget ? "含める" : "含めない",
                                          "", "", "", "", path.asOf]))
            }
        }
    }
}
