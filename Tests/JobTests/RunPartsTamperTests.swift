import Foundation
import Testing

/// A robot's log of the day after holds the end of a run its start's log counts: it is among the run's sources in every
/// report (`run_parts`). A row of that table removed behind Kouka's back took the log off every report's list with no
/// figure changed, and verify called the report only outdated (helper-89's run-parts-deleted-drops-source.sh): the
/// log's rollup digest covers it now, and verify names the edit.
struct RunPartsTamperTests {
    static func line(_ day: String, _ time: String, _ message: String, extra: String = "") -> String {
        let fields = [#""message":"\#(message)""#, #""level":"Information""#, #""logType":"Default""#,
                      #""timeStamp":"\#(day)T\#(time)+09:00""#, #""processName":"住民税_課税資料取込""#, #""jobId":"j1""#] + (extra.isEmpty ? [] : [extra])
        return "\(time).0000 Info {\(fields.joined(separator: ","))}\n"
    }

    /// The catalog, the configuration and the log of the run's start, 2024-06-30 23:50.
    static func write(_ city: SmallCity) throws {
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,60,10,2020-04-01,住民税_課税資料取込

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*_Execution.log\"\n")
        try city.write("logs/2024-06-30_Execution.log", line("2024-06-30", "23:50:00", "住民税_課税資料取込 execution started"))
    }

    /// The log of the day after, holding the run's end at 00:20 with its totals (30 minutes).
    static func writeEnd(_ city: SmallCity) throws {
        try city.write("logs/2024-07-01_Execution.log", line("2024-07-01", "00:20:00", "住民税_課税資料取込 execution ended",
                                                             extra: #""totalExecutionTimeInSeconds":1800,"totalExecutionTime":"00:30:00""#))
    }

    @Test func aRunPartRemovedFromTheStoreIsNamed() throws {
        let city = try SmallCity("run-parts")
        defer { city.remove() }
        try Self.write(city)
        try Self.writeEnd(city)
        #expect(try city.nightly().exitCode == 0)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let sources = (json["sources"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(sources == ["logs/2024-06-30_Execution.log", "logs/2024-07-01_Execution.log"])
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
        let edit = try JobProcess.run(executable: "/usr/bin/env", ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM run_parts'); c.commit()",
                                                                   city.root.appendingPathComponent("kouka.sqlite").path])
        #expect(edit.exitCode == 0)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 1)
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(differences.contains { ($0["kind"] as? String)?.hasPrefix("rollups") == true && $0["subject"] as? String == "logs/2024-07-01_Execution.log" },
                "\(differences.map { ($0["kind"] ?? "", $0["subject"] ?? "", $0["field"] ?? "") })")
    }

    /// A report made while a run's end was not there yet counts it unfinished; once the robot's next log arrives, the run
    /// ends and the task's figures change: the new log holds the run's end, so it explains them (outdated, not edited:
    /// helper-91's run-ended-in-new-log-false-alarm.sh).
    @Test func aRunsEndArrivingLaterMakesTheReportOutdatedNotEdited() throws {
        let city = try SmallCity("run-parts-late")
        defer { city.remove() }
        try Self.write(city)
        #expect(try city.nightly().exitCode == 1, "the run is counted unfinished")
        // Made now, as a city makes it.
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        try Self.writeEnd(city)
        #expect(try city.nightly().exitCode <= 1)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        let task = differences.filter { ($0["field"] as? String)?.hasPrefix("tasks[T01|") == true }
        #expect(!task.isEmpty && task.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(differences)")
    }

    /// The log of a run's start rewritten without it (another job's run in its place): the next day's log holds the run's end
    /// and its totals, and counts it read again, as a fresh store made from the same logs does (helper-93's
    /// uipath-log-rewritten-verify-differs.sh: the run named as in no file any more, and the store short of the logs for good).
    @Test func aStartLogRewrittenWithoutTheStartLeavesTheRunToItsEnd() throws {
        let city = try SmallCity("run-parts-rewritten")
        defer { city.remove() }
        try Self.write(city)
        try Self.writeEnd(city)
        #expect(try city.nightly().exitCode == 0)
        try city.write("logs/2024-06-30_Execution.log", Self.line("2024-06-30", "10:00:00", "住民税_課税資料取込 execution started").replacingOccurrences(of: "j1", with: "j2")
                       + Self.line("2024-06-30", "10:10:00", "住民税_課税資料取込 execution ended", extra: #""totalExecutionTimeInSeconds":600"#)
                           .replacingOccurrences(of: "j1", with: "j2"))
        let night = try city.nightly()
        let summary = try night.summary()
        let losing = summary["filesLosingRuns"] as? [[String: Any]] ?? []
        #expect(!losing.contains { ($0["reason"] as? String)?.contains("no file Kouka reads counts them now") == true }, "\(losing)")
        let readAgain = (summary["filesReadForEndedRuns"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(readAgain == ["logs/2024-07-01_Execution.log"], "\(summary["filesReadForEndedRuns"] ?? "")")
        // Two runs of T01 (60 − 10 min each), as a new store from the same logs has them.
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        #expect((json["hoursSaved"] as? [String: Any])?["total"] as? Double == 1.67)
        let fresh = try SmallCity("run-parts-rewritten-fresh")
        defer { fresh.remove() }
        try Self.write(fresh)
        for name in ["logs/2024-06-30_Execution.log", "logs/2024-07-01_Execution.log"] {
            try fresh.write(name, String(contentsOf: city.root.appendingPathComponent(name), encoding: .utf8))
        }
        _ = try fresh.nightly()
        #expect((try fresh.report(2024).json["hoursSaved"] as? [String: Any])?["total"] as? Double == 1.67)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(!differences.contains { ["rollups", "run-keys", "store-report"].contains($0["kind"] as? String ?? "") }, "\(differences)")
    }
}
