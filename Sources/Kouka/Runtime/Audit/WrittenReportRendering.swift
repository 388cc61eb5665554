import Foundation

/// A written report set's other files against its JSON: the JSON is compared with the store figure by figure
/// (`WrittenReportCheck`); the Markdown, HTML, CSV files and workbook that auditors and departments read are what
/// `kouka-report` renders from that same report, byte for byte. A figure edited in one of them, with `SHA256SUMS` made
/// again to match, is found here: rendering the JSON again does not give the file.
enum WrittenReportRendering {
    /// Compares each file of the set in `folder` that `kouka-report` writes with what the report in `json` (the set's
    /// JSON file, at `jsonPath`) renders to.
    static func compare(folder: String, stem: String, json: Data, jsonPath: String, rerun: String, into summary: inout VerifySummary) throws {
        let report: YearReport
        do { report = try JSONDecoder().decode(YearReport.self, from: json) } catch {
            summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "file", found: "not a report Kouka wrote", foundIn: "report",
                                             expected: "the report as kouka-report writes it", expectedFrom: "report",
                                             detail: "the report's JSON does not read as a report (\(error)): it was edited after it was written; re-run \(rerun)"))
            return
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let shiftJIS = present.contains("\(stem)-tasks-sjis.csv")
        for (name, data) in try ReportRendering.texts(report, stem: stem, shiftJIS: shiftJIS) where present.contains(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let written = FileManager.default.contents(atPath: path) else {
                throw OutputError(path: path, reason: "cannot read the written report file to check it")
            }
            if written != data { summary.differences.append(difference(path, jsonPath: jsonPath, rerun: rerun)) }
        }
        let workbook = ReportRendering.workbookName(stem: stem)
        if present.contains(workbook) {
            try compareWorkbook(report, at: (folder as NSString).appendingPathComponent(workbook), jsonPath: jsonPath, rerun: rerun, into: &summary)
        }
    }

    /// The workbook, rendered again into a temporary file with the creation time the report states.
    private static func compareWorkbook(_ report: YearReport, at path: String, jsonPath: String, rerun: String, into summary: inout VerifySummary) throws {
        guard let created = ISO8601DateFormatter().date(from: report.generatedAt) else {
            summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "generatedAt", found: report.generatedAt, foundIn: "report",
                                             expected: "an ISO 8601 time", expectedFrom: "report",
                                             detail: "the report's generation time does not read as a time: it was edited after it was written; re-run \(rerun)"))
            return
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-verify-\(UUID().uuidString).xlsx").path
        defer { Discard.temporary(URL(fileURLWithPath: temporary)) }
        do { try XLSXReportWriter.write(report, to: temporary, created: created) } catch {
            throw OutputError(path: temporary, reason: "cannot render the workbook again to check it: \(error.reason)")
        }
        guard let written = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, reason: "cannot read the written workbook to check it")
        }
        guard let rendered = FileManager.default.contents(atPath: temporary) else {
            throw OutputError(path: temporary, reason: "cannot read the workbook rendered again to check it")
        }
        if written != rendered { summary.differences.append(difference(path, jsonPath: jsonPath, rerun: rerun)) }
    }

    private static func difference(_ path: String, jsonPath: String, rerun: String) -> VerifySummary.Difference {
        .init(kind: "written-report", subject: path, field: "file", found: "other bytes", foundIn: "report", expected: "the rendering of \((jsonPath as NSString).lastPathComponent)",
              expectedFrom: "report",
              detail: "this file of the report set is not what kouka-report writes from the set's JSON: it was edited after it was written (a figure changed in the file people read, whatever SHA256SUMS says); re-run \(rerun)")
    }
}
