import Foundation
import Testing

/// A catalog moved away after the nightly run read it: the report and the audit say where the configuration points and
/// what to set, with the nightly job's 65, rather than naming a disk fault (74) that sends staff to check the disk
/// (helper-159 #1).
@Suite(.serialized) struct CatalogMovedAwayTests {
    @Test func theReportAndTheAuditNameAMissingCatalogAsTheNightlyJobDoes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-catalog-away-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        try write("logs/flows.json", #"[{"name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "runduration": 60, "statuscode": 4}]"#)
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_課税資料取込

            """)
        let config = root.appendingPathComponent("kouka.toml").path
        let night = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(night.exitCode == 0, "\(night.stderr)")
        try FileManager.default.moveItem(at: root.appendingPathComponent("catalog.csv"), to: root.appendingPathComponent("catalog.bak"))

        for (job, arguments) in [
            ("kouka-report", ["--fiscal-year", "2024"]), ("kouka-audit", ["targets", "--fiscal-year", "2024"]), ("kouka-audit", ["verify"]),
        ] {
            let result = try JobProcess.run(job, arguments + ["--config", config])
            #expect(result.exitCode == 65, "\(job) \(arguments): \(result.exitCode) \(result.stderr)")
            #expect(result.stderr.contains("catalog.csv"), "\(job) \(arguments): \(result.stderr)")
            #expect(result.stderr.contains("cannot open it"), "\(job) \(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("check the disk"), "\(job) \(arguments): \(result.stderr)")
        }
    }
}
