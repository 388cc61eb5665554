import Foundation

/// Writes a report's tables as CSV in UTF-8 with a BOM and CRLF, so Excel opens the Japanese correctly.
/// Numbers are plain decimals (no separators) so Excel reads them as numbers.
public enum CSVReportWriter {
    /// The same CSV in Shift_JIS (CP932) without the BOM, for Excel versions that do not read UTF-8;
    /// a character Shift_JIS lacks becomes `?`.
    public static func shiftJIS(_ csv: String) -> Data {
        let text = csv.hasPrefix(bom) ? String(csv.dropFirst()) : csv
        return text.data(using: .shiftJIS, allowLossyConversion: true) ?? Data()
    }

    static let bom = "\u{FEFF}"

    /// The task table: one row per task and department.
    public static func writeTasks(_ report: YearReport, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row(["年度", "業務ID", "業務名", "システム", "担当課", "単位", "成功", "失敗", "中止", "処理量", "削減時間（時間）", "根拠", "稼働時間（時間）", "カタログ行"]))
        for t in report.tasks {
            output.write(CSVCell.row([
                report.label, CSVCell.text(t.task), CSVCell.text(t.name), t.system, CSVCell.text(t.department), t.unit,
                String(t.successes), String(t.failures), String(t.cancelled), NumberText.plain(t.units),
                NumberText.plain(t.hoursSaved), t.basis, NumberText.plain(t.machineHours), t.catalogLines.map(String.init).joined(separator: " "),
            ]))
        }
    }

    /// The department comparison.
    public static func writeDepartments(_ report: YearReport, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row(["年度", "担当課", "削減時間（時間）", "業務数", "成功", "失敗"]))
        for d in report.departments {
            output.write(CSVCell.row([report.label, CSVCell.text(d.department), NumberText.plain(d.hoursSaved), String(d.tasks),
                                      String(d.successes), String(d.failures)]))
        }
    }
}
