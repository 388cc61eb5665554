import Foundation
import Testing

/// A nightly run killed after it recorded some files leaves part of a night in the store: a report or an audit then
/// stops with 75 and says to run kouka-nightly, instead of stating part of a night with exit 0. (A kill leaves the
/// run's ledger line `running`, as written here; waiting for a run that is still recording is `NightlyQuiet`'s.)
@Suite(.serialized) struct UnfinishedNightTests {
    typealias City = VerifyTamperTests.City

    @Test func aReportAfterANightKilledPartWayStopsUntilANightlyRunFinishesIt() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE job_runs SET state = 'running', ended_at = NULL, exit_code = NULL, notices_reported = 0 WHERE id = (SELECT max(id) FROM job_runs WHERE job = 'kouka-nightly')")
        let report = ["--config", city.config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"]
        let refused = try JobProcess.run("kouka-report", report)
        #expect(refused.exitCode == 75)
        #expect(refused.stdout.contains("did not finish (killed, or the machine stopped)") && refused.stdout.contains("run kouka-nightly"), "\(refused.stdout)")
        #expect(try JobProcess.run("kouka-audit", ["--config", city.config, "--fiscal-year", "2024"]).exitCode == 75)
        try city.nightly()
        #expect(try JobProcess.run("kouka-report", report).exitCode == 0)
    }

    /// A night killed after it recorded files, then a second run killed as it started, before it recorded anything: the
    /// second run finished nothing, and the report stated the first night's part with exit 0 (kill fuzzing).
    @Test(.enabled(if: PausedJob.library != nil, "needs a C compiler for the LD_PRELOAD pause"))
    func aRunKilledBeforeItRecordedAnythingDoesNotFinishTheNightBefore() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.write("logs/winactor/c.csv", City.export(16...20))
        let first = try PausedJob("kouka-nightly", ["--config", city.config, "--quiet"], pausingAt: "UPDATE job_runs SET ended_at", occurrence: 1)
        try #require(first.waitUntilPaused(), "the first run recorded its files")
        first.kill()
        // The ledger's first reading: after the run's job_runs line, before it records anything.
        let second = try PausedJob("kouka-nightly", ["--config", city.config, "--quiet"], pausingAt: "SELECT max(id) FROM source_files", occurrence: 1)
        try #require(second.waitUntilPaused(), "the second run began")
        second.kill()
        let report = ["--config", city.config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"]
        let refused = try JobProcess.run("kouka-report", report)
        #expect(refused.exitCode == 75, "\(refused.stdout)")
        #expect(try city.verify().code == 75)
        try city.nightly()
        #expect(try JobProcess.run("kouka-report", report).wroteTheSet)
        #expect(try city.verify().code == 0)
    }
}
