import Foundation
import Testing

/// What the nightly job leaves out as a duplicate — a whole export saved twice, a run that two
/// overlapping exports both hold — is stated in every written report: the JSON, the HTML, the Markdown
/// and the workbook's summary sheet.
struct DuplicateReportTests {
    @Test func theWrittenReportsSayHowManyDuplicateFilesAndRepeatedRunsWereLeftOut() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-duplicates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func runs(_ ids: [String]) -> String {
            "[" + ids.map { #"{"flowsessionid": "\#($0)", "name": "住民税_取込", "startedon": "2024-05-0\#($0.last!)T00:00:00Z", "runduration": 60, "statuscode": 4}"# }
                .joined(separator: ",\n") + "]"
        }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,0,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        // April's export, saved twice under two names: one is a duplicate file.
        try write("logs/export-1.json", runs(["f1", "f2", "f3"]))
        try write("logs/export-1-copy.json", runs(["f1", "f2", "f3"]))
        let config = root.appendingPathComponent("kouka.toml").path
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 1, "a duplicate is a finding")
        // The next export overlaps the last by run f3, and repeats f4 within itself: two repeated rows.
        try write("logs/export-2.json", runs(["f3", "f4", "f4", "f5"]))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 1)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
        #expect(report.exitCode == 0)
        let folder = root.appendingPathComponent("reports/FY2024")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("kouka-FY2024.json"))) as? [String: Any]
        let exclusions = try #require(json?["exclusions"] as? [String: Any])
        #expect(exclusions["duplicateFiles"] as? Int == 1)
        #expect(exclusions["repeatedRuns"] as? Int == 2)
        // f1–f5 once each: 5 runs × 30 min.
        #expect((json?["hoursSaved"] as? [String: Any])?["total"] as? Double == 2.5)

        let html = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.html"), encoding: .utf8)
        #expect(html.contains("<li>他のファイルと同一内容の重複ファイル 1 件</li>"))
        #expect(html.contains("<li>同じ実行の重複行（1回だけ数えた） 2 行</li>"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("\n- 他のファイルと同一内容のため除いたファイル（重複）: 1 件\n"))
        #expect(markdown.contains("\n- 同じ実行がすでに数えられていたため除いた行（重複行）: 2 行\n"))

        let summary = try #require(try ReportFiles.xlsxSheets(folder.appendingPathComponent("kouka-FY2024.xlsx").path)["概要"])
        func row(_ label: String) -> Double? { summary.first { $0.first as? String == label }?[1] as? Double }
        #expect(row("除外: 同一内容の重複ファイル（件）") == 1)
        #expect(row("除外: 同じ実行の重複行（行）") == 2)

        // Another year's report owns none of them: the copy and the repeats are of May 2024.
        let other = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2023", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
        #expect(other.exitCode == 0)
        let otherJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("reports/FY2023/kouka-FY2023.json"))) as? [String: Any]
        let otherExclusions = try #require(otherJSON?["exclusions"] as? [String: Any])
        #expect(otherExclusions["duplicateFiles"] as? Int == 0)
        #expect(otherExclusions["repeatedRuns"] as? Int == 0)
        #expect((otherJSON?["sources"] as? [[String: Any]])?.isEmpty == true, "no file of FY2024 is a source of FY2023")
    }
}
