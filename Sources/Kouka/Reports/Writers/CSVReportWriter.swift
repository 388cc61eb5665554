import Foundation

/// Writes a report's tables as CSV in UTF-8 with a BOM and CRLF, so Excel opens the Japanese correctly.
/// Numbers are plain decimals (no separators) so Excel reads them as numbers.
package enum CSVReportWriter {
    /// The same CSV in Shift_JIS (CP932) without the BOM, for Excel versions that do not read UTF-8. The dash Kouka
    /// writes for "none" (U+2014) is written as Shift_JIS's own (―, U+2015); any other character Shift_JIS lacks (a
    /// name from a log) becomes 〓, the mark Japanese text uses for a character that cannot be shown, never a `?` that
    /// reads as text. The UTF-8 file of the same table has it.
    package static func shiftJIS(_ csv: String) -> Data {
        let text = (csv.hasPrefix(bom) ? String(csv.dropFirst()) : csv).replacingOccurrences(of: "\u{2014}", with: "\u{2015}")
        if let whole = text.data(using: .shiftJIS) { return whole }
        var data = Data()
        for character in text { data += String(character).data(using: .shiftJIS) ?? unshownMark }
        return data
    }

    /// 〓 (geta, U+3013) in Shift_JIS.
    static let unshownMark = Data([0x81, 0xAC])

    static let bom = "\u{FEFF}"

    /// The first column's title: the period each row's label names, 年度 (令和6年度) or, in a month's tables, 年月 (令和7年3月), so
    /// that tables of years and months joined on it do not mix the two (helper-144 #3).
    static func periodColumn(_ report: YearReport) -> String { report.period == "month" ? "年月" : "年度" }

    /// The last column's title, and its value on every row: whether the figures are a 速報 (as of which day) or settled, and
    /// whether a set made again restated any (改訂あり). The tables departments open in Excel are read without the Markdown
    /// or HTML beside them, which say it in full (helper-158 #3).
    static let statusColumn = "数値の状態"

    static func status(_ report: YearReport) -> String {
        let state = report.preliminary.map { "速報（\($0.asOf) 現在）" } ?? "確定"
        return report.restatements?.isEmpty == false ? "\(state)・改訂あり" : state
    }

    /// The task table: one row per task and department.
    package static func writeTasks(_ report: YearReport, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row([periodColumn(report), "業務ID", "業務名", "システム", "担当課", "単位", "成功", "失敗", "うち未終了", "中止", "処理量", "削減時間（時間）", "根拠", "稼働時間（時間）", "カタログ行", statusColumn]))
        let status = status(report)
        for t in report.tasks {
            output.write(CSVCell.row([
                report.label, CSVCell.text(t.task), CSVCell.text(t.name), t.system, CSVCell.text(t.department), t.unit,
                String(t.successes), String(t.failures), String(t.unfinished), String(t.cancelled), NumberText.plain(t.units),
                NumberText.plain(t.hoursSaved), t.basis, NumberText.plain(t.machineHours), t.catalogLines.map(String.init).joined(separator: " "), status,
            ]))
        }
    }

    /// The department comparison: one row per department, system and unit, each carrying its department's
    /// comparison columns (the same as every other format's: rank, hours, hours by system, the year before, the
    /// change, yen when `[money]` is set, tasks) and then that system's counts in that unit (counts in different
    /// units are never added up; the tasks table has them task by task). A department with no use in the period
    /// (it had hours the year before) has one row with the use columns empty.
    package static func writeDepartments(_ report: YearReport, to output: inout some TextOutputStream) {
        output.write(bom)
        let columns = DepartmentColumns(report)
        output.write(CSVCell.row([periodColumn(report)] + columns.titles + ["ツール", "単位", "成功", "失敗", "うち未終了", "処理量", "ツール別の削減時間（時間）", statusColumn]))
        let status = status(report)
        for d in report.departments {
            let comparison = columns.values(d).map(cell)
            let uses = d.bySystem.map { u in
                [u.system, u.unit, String(u.successes), String(u.failures), String(u.unfinished), NumberText.plain(u.units), NumberText.plain(u.hoursSaved)]
            }
            for use in uses.isEmpty ? [Array(repeating: "", count: 7)] : uses {
                output.write(CSVCell.row([report.label] + comparison + use + [status]))
            }
        }
    }

    /// A comparison value as Excel reads it: plain numbers, an empty cell where there is none.
    private static func cell(_ value: DepartmentColumns.Value) -> String {
        switch value {
        case let .count(n): String(n)
        case let .text(t): CSVCell.text(t)
        case let .hours(h), let .change(h): h.map { NumberText.plain($0) } ?? ""
        case let .yen(y): y.map { NumberText.plain($0, decimals: 0) } ?? ""
        }
    }
}
