import CXLSX
import Foundation

/// The workbook could not be written; the message is libxlsxwriter's.
package struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String { "cannot write the workbook \(path) (\(reason)); check free space and the folder's permissions" }
}

/// Writes a report as an Excel workbook through libxlsxwriter: sheets for the summary, departments,
/// tasks, months and sources, numbers as numbers, the header row frozen. This is the only file that
/// touches libxlsxwriter. Strings are always written as strings, never as formulas, so a log name that
/// starts with `=` stays text.
package enum XLSXReportWriter {
    /// Writes `report` to `path`. `created` is stored as the workbook's creation time, so the same
    /// report gives the same bytes.
    package static func write(_ report: YearReport, to path: String, created: Date) throws(XLSXError) {
        guard let workbook = workbook_new(path) else { throw XLSXError(path: path, reason: "cannot create the file") }
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970)
        let title = strdup("\(report.label) RPA・AI 効果測定報告")
        defer { free(title) }
        properties.title = title
        workbook_set_properties(workbook, &properties)
        let book = Book(workbook: workbook)

        let summary = book.sheet("概要", header: ["項目", "値", "目標", "達成"])
        var row: UInt32 = 1
        summary.text(row, 0, "期間"); summary.text(row, 1, "\(report.label)（\(report.from) 〜 \(report.to)）"); row += 1
        if let running = report.runsStillRunning { summary.text(row, 0, "暫定"); summary.text(row, 1, running.notice); row += 1 }
        if let preliminary = report.preliminary { summary.text(row, 0, "速報"); summary.text(row, 1, preliminary.notice); row += 1 }
        for restatement in report.restatements ?? [] { summary.text(row, 0, "改訂（「改訂」シート）"); summary.text(row, 1, restatement.notice); row += 1 }
        summary.text(row, 0, "作成"); summary.text(row, 1, "\(report.generatedAt)（Kouka \(report.koukaVersion)）"); row += 1
        for target in report.targets {
            // The AI-supported tasks are a count; only hours have decimals.
            let count = target.metric != "rpa-hours"
            summary.text(row, 0, target.label); summary.number(row, 2, target.target, whole: count)
            if let actual = target.actual { summary.number(row, 1, actual, whole: count) } else { summary.text(row, 1, PeriodTableText.noRecords) }
            summary.text(row, 3, TargetText.met(target)); row += 1
        }
        writeUnmeasuredTarget(report, to: summary, row: &row)
        for family in SystemFamily.allCases {
            summary.text(row, 0, "削減時間（時間）: \(family.japaneseLabel)"); summary.number(row, 1, report.hoursSaved.bySystem[family.rawValue] ?? 0); row += 1
        }
        summary.text(row, 0, "削減時間（時間）: 合計"); summary.number(row, 1, report.hoursSaved.total); row += 1
        summary.text(row, 0, "うち推計（時間）"); summary.number(row, 1, report.hoursSaved.estimated); row += 1
        summary.text(row, 0, "うち実測にもとづく分（時間）"); summary.number(row, 1, report.hoursSaved.measured); row += 1
        if let p = report.projection {
            summary.text(row, 0, "見込み: 基準日"); summary.text(row, 1, p.asOf); row += 1
            summary.text(row, 0, "見込み: RPA 削減時間（基準日まで）"); summary.number(row, 1, p.rpaHoursToDate); row += 1
            summary.text(row, 0, "見込み: RPA 削減時間（3月31日まで）"); summary.number(row, 1, p.projectedRPAHours)
            if let target = p.target, let onTrack = p.onTrack {
                summary.number(row, 2, target); summary.text(row, 3, onTrack ? "達成の見込み" : "未達成の見込み")
            }
            row += 1
            summary.text(row, 0, "見込み: 算定方法"); summary.text(row, 1, p.basis); row += 1
        }
        if let money = report.money {
            summary.text(row, 0, "削減額（円）"); summary.number(row, 1, money.savedYen, yen: true); row += 1
            summary.text(row, 0, "ライセンス費（円）"); summary.number(row, 1, money.licenceYen, yen: true); row += 1
            summary.text(row, 0, "差引（円）"); summary.number(row, 1, money.netYen, yen: true); row += 1
            if let months = LicenceText.monthsBorne(report) { summary.text(row, 0, "ライセンス費の対象期間"); summary.text(row, 1, months); row += 1 }
        }
        // What was left out, as the HTML and Markdown reports list it: auditors read the workbook too.
        let left = report.exclusions
        for (label, count) in [("除外: 失敗した利用（回。RPAの失敗した実行、AI-OCRの失敗、チャットボットの未回答・有人対応など）", left.failedRuns), ("うち終了が記録されず失敗とみなした実行（回）", left.unfinishedRuns),
                               ("除外: 中止した実行（回）", left.cancelledRuns),
                               ("除外: カタログ未登録の名前（回）", left.unmappedRuns), ("除外: 単位がカタログと異なる成功（回）", left.unitMismatchRuns),
                               ("除外: 開庁時間外のチャットボット回答（件）", left.offHoursAnswers),
                               ("除外: 同一内容の重複ファイル（件）", left.duplicateFiles), ("除外: 同じ実行の重複行（行）", left.repeatedRuns),
                               ("除外: 取り込めなかった行・この年度の日付（行）", left.rejectedRows),
                               ("除外: 取り込めなかった行・日付不明、どの年度にも数えない（行）", left.rejectedRowsDateUnknown)] {
            summary.text(row, 0, label); summary.number(row, 1, Double(count), whole: true); row += 1
        }
        // The rules the figures follow, as every other format states them.
        for (label, text) in [("算定方法: 削減時間", report.method.hoursSaved), ("算定方法: 日付と年度", report.method.dates),
                              ("算定方法: 終了が記録されなかった実行", report.method.unfinished),
                              ("算定方法: 複数ツールの業務", report.method.multiSystemTasks), ("算定方法: 端数処理", report.method.rounding),
                              ("算定方法: 開庁時間", report.method.officeHours)] {
            summary.text(row, 0, label); summary.text(row, 1, text); row += 1
        }
        summary.width(0, 34); summary.width(1, 40)

        let columns = DepartmentColumns(report)
        let departments = book.sheet("課別", header: columns.titles)
        for (i, d) in report.departments.enumerated() {
            for (j, value) in columns.values(d).enumerated() {
                let (r, c) = (UInt32(i + 1), UInt16(j))
                switch value {
                case let .count(n): departments.number(r, c, Double(n), whole: true)
                case let .text(t): departments.text(r, c, t)
                case let .hours(h), let .change(h): if let h { departments.number(r, c, h) }
                case let .yen(y): if let y { departments.number(r, c, y, yen: true) }
                }
            }
        }

        // Runs, sheets and inquiries are different things: counted per system and unit, never summed.
        let uses = book.sheet("課別ツール別", header: ["担当課", "ツール", "単位", "成功", "失敗", "うち未終了", "処理量", "削減時間（時間）"])
        var useRow: UInt32 = 1
        for d in report.departments {
            for u in d.bySystem {
                uses.text(useRow, 0, d.department); uses.text(useRow, 1, ReportLabels.system(u.system)); uses.text(useRow, 2, ReportLabels.unit(u.unit))
                uses.number(useRow, 3, Double(u.successes), whole: true); uses.number(useRow, 4, Double(u.failures), whole: true)
                uses.number(useRow, 5, Double(u.unfinished), whole: true); uses.number(useRow, 6, u.units, whole: ReportLabels.showsWhole(u.units, unit: u.unit)); uses.number(useRow, 7, u.hoursSaved)
                useRow += 1
            }
        }
        uses.width(0, 16)

        let tasks = book.sheet("業務別", header: ["業務ID", "業務名", "担当課", "ツール", "単位", "成功", "失敗", "中止", "処理量", "削減時間（時間）", "根拠", "稼働時間（時間）", "うち未終了"])
        for (i, t) in report.tasks.enumerated() {
            let r = UInt32(i + 1)
            tasks.text(r, 0, t.task); tasks.text(r, 1, t.name); tasks.text(r, 2, t.department); tasks.text(r, 3, ReportLabels.system(t.system)); tasks.text(r, 4, ReportLabels.unit(t.unit))
            tasks.number(r, 5, Double(t.successes), whole: true); tasks.number(r, 6, Double(t.failures), whole: true)
            tasks.number(r, 7, Double(t.cancelled), whole: true); tasks.number(r, 8, t.units, whole: ReportLabels.showsWhole(t.units, unit: t.unit)); tasks.number(r, 9, t.hoursSaved)
            tasks.text(r, 10, ReportLabels.basis(t.basis)); tasks.number(r, 11, t.machineHours); tasks.number(r, 12, Double(t.unfinished), whole: true)
        }
        tasks.width(1, 30); tasks.width(2, 16)

        let months = book.sheet("月別", header: ["月", "削減時間（時間）"] + SystemFamily.allCases.map(\.japaneseLabel))
        for (i, m) in report.months.enumerated() {
            let r = UInt32(i + 1)
            months.text(r, 0, m.month); months.number(r, 1, m.hoursSaved)
            for (j, family) in SystemFamily.allCases.enumerated() { months.number(r, UInt16(j + 2), m.bySystem[family.rawValue] ?? 0) }
        }

        let sources = book.sheet("ログ", header: ["ファイル", "形式", "行数", "採用", "除外（この年度）", "状態", "SHA-256", "除外（日付不明）", "同一内容の行（要確認）"])
        for (i, s) in report.sources.enumerated() {
            let r = UInt32(i + 1)
            sources.text(r, 0, s.path); sources.text(r, 1, s.format); sources.number(r, 2, Double(s.rows), whole: true)
            sources.number(r, 3, Double(s.accepted), whole: true); sources.number(r, 4, Double(s.rejected), whole: true)
            sources.text(r, 5, s.statusLabel); sources.text(r, 6, s.sha256); sources.number(r, 7, Double(s.rejectedDateUnknown), whole: true)
            sources.number(r, 8, Double(s.identical ?? 0), whole: true)
        }
        sources.width(0, 44); sources.width(6, 66)
        writeRestatements(report.restatements ?? [], to: book)
        writeAppendix(report, to: book)
        writeReview(report.review, to: book)
        writePeriodSheets(report, to: book)
        writeMonth(report, to: book)
        book.finish()

        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else { throw XLSXError(path: path, reason: String(cString: lxw_strerror(result))) }
    }

    /// The figures each set replaced stated otherwise, a row each: values as numbers, a line one set lacks as なし.
    private static func writeRestatements(_ restatements: [Restatement], to book: Book) {
        guard !restatements.isEmpty else { return }
        let sheet = book.sheet("改訂", header: ["置き換えた報告（作成）", "数値", "改訂前", "改訂後", "項目（JSON）"])
        var row: UInt32 = 1
        for restatement in restatements {
            for change in restatement.changes {
                sheet.text(row, 0, restatement.replacedGeneratedAt); sheet.text(row, 1, change.label)
                for (column, value) in [(UInt16(2), change.before), (3, change.after)] {
                    if let value, !change.field.hasSuffix(".counted") { sheet.number(row, column, value) } else { sheet.text(row, column, change.text(value)) }
                }
                sheet.text(row, 4, change.field); row += 1
            }
        }
        sheet.width(1, 48)
    }
}
