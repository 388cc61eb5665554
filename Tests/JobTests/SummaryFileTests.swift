import Foundation
import Testing

/// `--summary PATH`: the run's JSON summary in a file of its own, replaced whole each run, and one compact
/// line per run in `PATH.jsonl`; stdout unchanged; `exitCode` a number in every summary, failures included.
@Suite(.serialized) struct SummaryFileTests {
    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func twoNightsLeaveOneSummaryThatParsesAndAHistoryOfTwoLines() throws {
        let city = try TwoSourceCity("summary")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 2)
        try city.writeLog("b", "1.json", runs: 1)
        let summary = city.path("state/nightly-summary.json")
        try FileManager.default.createDirectory(atPath: city.path("state"), withIntermediateDirectories: true)
        let first = try city.nightly(["--summary", summary])
        #expect(first.exitCode == 0, "\(first.stderr)")
        try city.writeLog("a", "2.json", runs: 4)
        let second = try city.nightly(["--summary", summary])
        #expect(second.exitCode == 0, "\(second.stderr)")

        let file = try String(contentsOfFile: summary, encoding: .utf8)
        let parsed = try Self.json(file)
        #expect(parsed["filesRead"] as? Int == 1, "the second night's summary, not the first's")
        #expect(parsed["rowsRead"] as? Int == 4)
        #expect(parsed["exitCode"] as? Int == 0)
        #expect(try Self.json(second.stdout)["rowsRead"] as? Int == 4, "stdout still carries the summary")
        #expect(file.trimmingCharacters(in: .whitespacesAndNewlines) == second.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

        let lines = try String(contentsOfFile: summary + ".jsonl", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "", "two lines, each ended")
        let history = try lines.dropLast().map { try Self.json(String($0)) }
        #expect(history.map { $0["rowsRead"] as? Int } == [3, 4])
        #expect(history.allSatisfy { $0["exitCode"] as? Int == 0 })
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.path("state")).sorted() == ["nightly-summary.json", "nightly-summary.json.jsonl"])
    }

    @Test func aRunThatStopsOnABadConfigurationWritesANumericExitCodeToo() throws {
        let city = try TwoSourceCity("summary-bad")
        defer { city.remove() }
        try city.writeConfiguration(extra: "timezone = \"Mars/Olympus\"")
        let summary = city.path("summary.json")
        let run = try city.nightly(["--summary", summary])
        #expect(run.exitCode == 64)
        #expect(try Self.json(run.stdout)["exitCode"] as? Int == 64, "stdout: a number, not \"64\"")
        let parsed = try Self.json(String(contentsOfFile: summary, encoding: .utf8))
        #expect(parsed["exitCode"] as? Int == 64)
        #expect((parsed["error"] as? String)?.contains("Mars/Olympus") == true)
        let line = try String(contentsOfFile: summary + ".jsonl", encoding: .utf8)
        #expect(try Self.json(line)["exitCode"] as? Int == 64)
    }

    @Test func aSummaryThatCannotBeWrittenExits73NamingItsPath() throws {
        let city = try TwoSourceCity("summary-unwritable")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        try city.writeLog("b", "1.json", runs: 1)
        let summary = city.path("no-such-folder/summary.json")
        let run = try city.nightly(["--summary", summary])
        #expect(run.exitCode == 73)
        #expect(run.stderr.contains(summary), "\(run.stderr)")
        #expect(try Self.json(run.stdout)["rowsRead"] as? Int == 2, "the run itself was done and says so on stdout")
        // The job-run ledger states the code cron saw, not the run's own 0.
        #expect(try KilledRunNoticesTests.ledger(city.root) == ["finished|1|73"])
    }

    /// What a night whose summary file could not be written had to say (an unmapped name, exit 1) reaches the file with the
    /// next night, under `unreported`: monitoring reads the file, and the night's own stdout went only to cron's mail
    /// (helper-160 #3: the next night's file was clean, exit 0).
    @Test func theNoticesOfANightWhoseSummaryFileWasNotWrittenAreStatedByTheNext() throws {
        let city = try TwoSourceCity("summary-unwritable-notices")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        try city.city.write("logs/b/1.json", #"[{"flowsessionid": "x1", "name": "未登録フロー", "startedon": "2024-05-02T00:00:00Z", "runduration": 60, "statuscode": 4}]"#)
        let lost = try city.nightly(["--summary", city.path("no-such-folder/summary.json")])
        #expect(lost.exitCode == 73)
        #expect((try Self.json(lost.stdout)["unmapped"] as? [[String: Any]])?.count == 1)
        let summary = city.path("summary.json")
        let next = try city.nightly(["--summary", summary])
        #expect(next.exitCode == 1, "\(next.stdout)")
        let unreported = try Self.json(String(contentsOfFile: summary, encoding: .utf8))["unreported"] as? [String: Any]
        #expect((unreported?["runs"] as? [[String: Any]])?.map { "\($0["state"] ?? "")|\($0["exitCode"] ?? "")" } == ["finished|73"])
        #expect((unreported?["unmapped"] as? [[String: Any]])?.map { $0["name"] as? String } == ["未登録フロー"], "\(String(describing: unreported))")
        // Stated once: the night after has nothing left to state.
        #expect(try city.nightly(["--summary", summary]).exitCode == 0)
    }

    @Test func theReportAndAuditJobsWriteTheirSummaryFileToo() throws {
        let city = try TwoSourceCity("summary-report")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 2)
        try city.writeLog("b", "1.json", runs: 1)
        #expect(try city.nightly().exitCode == 0)
        let report = try JobProcess.run("kouka-report", ["--config", city.config, "--quiet", "--fiscal-year", "2024",
                                                         "--generated-at", "2025-04-10T05:00:00+09:00", "--summary", city.path("report.json")])
        #expect(report.exitCode == 0, "\(report.stderr)")
        #expect(try Self.json(String(contentsOfFile: city.path("report.json"), encoding: .utf8))["exitCode"] as? Int == 0)
        let audit = try JobProcess.run("kouka-audit", ["rejects", "--config", city.config, "--quiet", "--fiscal-year", "2024",
                                                       "--table", "--summary", city.path("audit.json")])
        #expect(audit.exitCode == 0, "\(audit.stderr)")
        let parsed = try Self.json(String(contentsOfFile: city.path("audit.json"), encoding: .utf8))
        #expect(parsed["exitCode"] as? Int == 0, "the file is JSON even when stdout is a table")
        #expect(try String(contentsOfFile: city.path("audit.json.jsonl"), encoding: .utf8).split(separator: "\n").count == 1)
    }
}
