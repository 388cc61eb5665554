import Foundation

/// The files of a report set as `kouka-report` writes them from one report: the same function serves the job, and
/// `kouka-audit verify`, which renders a written report's JSON again to check that the set's other files say what it
/// says (`WrittenReportRendering`).
enum ReportRendering {
    /// Every file of the set but the workbook, by name, in the order they are written.
    static func texts(_ report: YearReport, stem: String, shiftJIS: Bool) throws -> [(name: String, data: Data)] {
        var json = "", markdown = "", html = "", tasks = "", departments = "", review = ""
        try JSONReportWriter.write(report, to: &json)
        MarkdownReportWriter.write(report, to: &markdown)
        HTMLReportWriter.write(report, to: &html)
        CSVReportWriter.writeTasks(report, to: &tasks)
        CSVReportWriter.writeDepartments(report, to: &departments)
        CSVReportWriter.writeReview(report, to: &review)
        var texts: [(name: String, data: Data)] = [
            ("\(stem).html", Data(html.utf8)), ("\(stem).json", Data(json.utf8)), ("\(stem).md", Data(markdown.utf8)),
            ("\(stem)-tasks.csv", Data(tasks.utf8)), ("\(stem)-departments.csv", Data(departments.utf8)),
            ("\(stem)-review.csv", Data(review.utf8)),
        ]
        if shiftJIS {
            texts.append(("\(stem)-tasks-sjis.csv", CSVReportWriter.shiftJIS(tasks)))
            texts.append(("\(stem)-departments-sjis.csv", CSVReportWriter.shiftJIS(departments)))
            texts.append(("\(stem)-review-sjis.csv", CSVReportWriter.shiftJIS(review)))
        }
        return texts + CSVReportWriter.periodFiles(report, stem: stem, shiftJIS: shiftJIS).map { (name: $0.0, data: $0.1) }
    }

    /// The set's workbook's name.
    static func workbookName(stem: String) -> String { "\(stem).xlsx" }
}
