import Foundation
import Testing

/// `[targets.<year>]` changes only the keys it gives: the policy's other targets for that year stay, and
/// `"none"` removes one explicitly.
@Suite(.serialized) struct PartialTargetsTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_課税資料取込

            """.utf8).write(to: root.appendingPathComponent("catalog.csv"))
        let rows = [UnfinishedRunsTests.header, UnfinishedRunsTests.row("t1", "FINISH", "2025/05/01 09:00:00")]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: root.appendingPathComponent("logs/tasks.csv"))
    }

    func configure(_ targets: String) throws -> String {
        let path = root.appendingPathComponent("kouka.toml")
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "winactor-task-csv"
            path = "logs/*.csv"
            \(targets)
            """.utf8).write(to: path)
        return path.path
    }

    @Test func oneTargetSetForAYearKeepsTheOthers() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try configure("[targets.2025]\nai_tasks = 0\n")
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let audit = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2025"])
        // 1 run × (180 − 15) min = 2.75 h against the policy's 3,000 h, which ai_tasks = 0 must not remove.
        #expect(audit.exitCode == 1)
        let year = try #require((try audit.summary()["years"] as? [[String: Any]])?.first { $0["fiscalYear"] as? Int == 2025 })
        let targets = try #require(year["targets"] as? [[String: Any]])
        let rpa = try #require(targets.first { $0["metric"] as? String == "rpa-hours" })
        #expect(rpa["target"] as? Double == 3000)
        #expect(rpa["actual"] as? Double == 2.75)
        #expect(rpa["met"] as? Bool == false)
        #expect(targets.first { $0["metric"] as? String == "ai-tasks" }?["target"] as? Double == 0)
    }

    @Test func noneRemovesATargetExplicitly() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try configure("[targets.2025]\nrpa_hours = \"none\"\n")
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let audit = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2025"])
        let year = try #require((try audit.summary()["years"] as? [[String: Any]])?.first { $0["fiscalYear"] as? Int == 2025 })
        let metrics = (year["targets"] as? [[String: Any]])?.compactMap { $0["metric"] as? String }
        #expect(metrics == ["ai-tasks"])
    }

    @Test func anyOtherTextIsAConfigurationError() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try configure("[targets.2025]\nrpa_hours = \"lots\"\n")
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(nightly.exitCode == 64)
        #expect(nightly.stdout.contains("rpa_hours"))
    }
}

/// The year-to-date projection is as of the last complete day before the report's own time: the nightly run
/// has not read the report's day yet, and `--generated-at` fixes both, so the same inputs give the same file.
@Suite(.serialized) struct ProjectionAsOfTests {
    @Test func generatedAtSetsTheAsOfDateAndTheReportsOwnDayIsNotElapsed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-asof-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_課税資料取込

            """.utf8).write(to: root.appendingPathComponent("catalog.csv"))
        let rows = [UnfinishedRunsTests.header, UnfinishedRunsTests.row("t1", "FINISH", "2026/04/01 09:00:00"),
                    UnfinishedRunsTests.row("t2", "FINISH", "2026/04/02 09:00:00")]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: root.appendingPathComponent("logs/tasks.csv"))
        let config = root.appendingPathComponent("kouka.toml")
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "winactor-task-csv"
            path = "logs/*.csv"
            """.utf8).write(to: config)
        #expect(try JobProcess.run("kouka-nightly", ["--config", config.path]).exitCode == 0)
        let report = try JobProcess.run("kouka-report", ["--config", config.path, "--fiscal-year", "2026", "--quiet",
                                                         "--generated-at", "2026-04-03T05:00:00+09:00"])
        #expect(report.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("reports/FY2026/kouka-FY2026.json"))) as? [String: Any])
        let projection = try #require(json["projection"] as? [String: Any])
        // As of April 2 (not April 3, the report's own day): 2 runs × 2.75 h = 5.5 h in 2 of 365 days, so
        // 5.5 × 365 / 2 = 1,003.75 h (counting April 3 as elapsed would give 669.17 h, −33 %).
        #expect(projection["asOf"] as? String == "2026-04-02")
        #expect(projection["rpaHoursToDate"] as? Double == 5.5)
        #expect(projection["method"] as? String == "linear")
        #expect(projection["projectedRPAHours"] as? Double == 1003.75)
    }
}
