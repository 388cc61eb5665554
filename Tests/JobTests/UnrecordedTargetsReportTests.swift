import Foundation
import Testing

/// A year whose logs hold no record of a metric's tools states no figure for it in every format of the yearly and the
/// month report and in `kouka-audit`'s JSON: 記録なし (JSON null), not 0 and 未達成. The city's only log is one robot
/// run in May 2024, so FY2024 has RPA records and no AI record, and FY2022 has no record at all.
@Suite(.serialized) struct UnrecordedTargetsReportTests {
    let city: SmallCity
    var config: String { city.config }

    init() throws {
        city = try SmallCity("unrecorded")
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        // One successful run: 180 − 15 = 165 min = 2.75 h.
        try city.write("logs/flows.json", #"[{"name": "住民税_課税", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "runduration": 600, "statuscode": 4}]"#)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: city.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The targets of a report's JSON, by metric.
    func jsonTargets(_ path: String) throws -> [String: [String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: city.root.appendingPathComponent(path))) as! [String: Any]
        let targets = json["targets"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: targets.map { ($0["metric"] as! String, $0) })
    }

    @Test func aMetricWithoutRecordsIsNoRecordsInEveryFormat() throws {
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--today", "2025-04-01", "--quiet"])
        #expect(report.exitCode == 0, "\(report.stderr)")

        let targets = try jsonTargets("reports/FY2024/kouka-FY2024.json")
        #expect(targets["rpa-hours"]?["actual"] as? Double == 2.75)
        #expect(targets["ai-tasks"]?["actual"] is NSNull, "unknown is written as null, not left out and not 0: \(targets)")
        #expect(targets["ai-tasks"]?["met"] as? Bool == false)

        let markdown = try text("reports/FY2024/kouka-FY2024.md")
        #expect(markdown.contains("| RPAによる削減時間（時間） | 2,500.00 | 2.75 | 未達成 |"), "\(markdown)")
        #expect(markdown.contains("| AIを活用した業務数 | 4 | 記録なし | 記録なし |"), "\(markdown)")
        let html = try text("reports/FY2024/kouka-FY2024.html")
        #expect(html.contains(#"<td>AIを活用した業務数</td><td class="n">4</td><td class="n">記録なし</td><td class="missed">記録なし</td>"#))
        let sheet = try ReportFiles.xlsxParts(city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.xlsx").path)["xl/sharedStrings.xml"]
        #expect(String(decoding: sheet ?? Data(), as: UTF8.self).contains("記録なし"))

        // FY2022: no record of either kind.
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2022", "--today", "2025-04-01", "--quiet"]).exitCode == 0)
        let fy2022 = try jsonTargets("reports/FY2022/kouka-FY2022.json")
        #expect(fy2022["rpa-hours"]?["actual"] is NSNull && fy2022["ai-tasks"]?["actual"] is NSNull, "\(fy2022)")
        #expect(try text("reports/FY2022/kouka-FY2022.md").contains("| RPAによる削減時間（時間） | 1,600.00 | 記録なし | 記録なし |"))

        // The month's year to date stands on the same lines.
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--month", "2024-05", "--today", "2025-04-01", "--quiet"]).exitCode == 0)
        let month = try text("reports/2024-05/kouka-2024-05.md")
        #expect(month.contains("| AIを活用した業務数 | 4 | 記録なし | — |"), "\(month)")

        // What the reports say, the audit says: its JSON has no 0 for FY2024's AI tasks, and the target is not met.
        let audit = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2024"])
        #expect(audit.exitCode == 1)
        let years = try audit.summary()["years"] as? [[String: Any]] ?? []
        let ai = (years.first { $0["fiscalYear"] as? Int == 2024 }?["targets"] as? [[String: Any]])?.first { $0["metric"] as? String == "ai-tasks" }
        #expect(ai?["actual"] is NSNull, "\(audit.stdout)")

        // Verify re-renders the reports from the store: the 記録なし lines are what it expects.
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }
}
