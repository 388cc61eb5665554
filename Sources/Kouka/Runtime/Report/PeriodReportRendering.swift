import Foundation

/// The files of a policy-period report set as `kouka-report --period` writes them: shared with `kouka-audit verify`,
/// which renders a written period report's JSON again (`WrittenReportRendering`).
enum PeriodReportRendering {
    /// Every file of the set but the workbook, by name, in the order they are written.
    static func texts(_ report: PeriodReport, shiftJIS: Bool) throws -> [(name: String, data: Data)] {
        let stem = "kouka-\(report.stem)"
        var json = "", markdown = "", html = "", csv = ""
        try PeriodReportWriter.json(report, to: &json)
        PeriodReportWriter.markdown(report, to: &markdown)
        PeriodReportWriter.html(report, to: &html)
        CSVReportWriter.writePeriod(report.table, to: &csv)
        var texts: [(name: String, data: Data)] = [
            ("\(stem).html", Data(html.utf8)), ("\(stem).json", Data(json.utf8)), ("\(stem).md", Data(markdown.utf8)), ("\(stem).csv", Data(csv.utf8)),
        ]
        if let path = report.targetPath {
            var planned = ""
            CSVReportWriter.writePlanned(path, to: &planned)
            texts.append(("\(stem)-planned.csv", Data(planned.utf8)))
        }
        if shiftJIS {
            texts += texts.filter { $0.name.hasSuffix(".csv") }.map {
                ($0.name.replacingOccurrences(of: ".csv", with: "-sjis.csv"), CSVReportWriter.shiftJIS(String(decoding: $0.data, as: UTF8.self)))
            }
        }
        return texts
    }

    /// The set's workbook's name.
    static func workbookName(_ report: PeriodReport) -> String { "kouka-\(report.stem).xlsx" }
}
