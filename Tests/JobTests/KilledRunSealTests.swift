import Foundation
import Testing

/// A nightly run killed mid-way (an out-of-memory kill, a reboot) left no seal of the ledger, so a change made to the
/// store after it was compared with nothing: verify exited 0, and the next run sealed over it. Each commit now records
/// the seal as its writes left it, so a killed run leaves the seal of its last commit.
@Suite(.enabled(if: PausedJob.library != nil, "needs a C compiler for the LD_PRELOAD pause"))
struct KilledRunSealTests {
    typealias City = VerifyTamperTests.City

    /// A night that records a new export, killed after its files' commit, as it ends the run.
    static func killedNight(_ city: City) throws {
        try city.write("logs/winactor/c.csv", City.export(16...20))
        let night = try PausedJob("kouka-nightly", ["--config", city.config, "--quiet"], pausingAt: "UPDATE job_runs SET ended_at", occurrence: 1)
        try #require(night.waitUntilPaused(), "the run reached its end")
        night.kill()
    }

    @Test func aChangeAfterAKilledRunIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try Self.killedNight(city)
        try city.sql("INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files WHERE path = 'logs/winactor/c.csv'")
        // Verification waits for a night that did not finish (75); the next run finishes it, and compares.
        #expect(try city.verify().code == 75)
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(night.exitCode == 1)
        #expect(try night.summary()["storeEditedSince"] is String, "the next run says so rather than sealing over it")
        let edited = try city.verify()
        #expect(edited.code == 1)
        #expect(VerifyTamperTests.named(edited.differences, kind: "store-edited"), "\(edited.differences)")
    }

    @Test func theNightAfterAKilledRunLeavesNoDifference() throws {
        let city = try City.verified()
        defer { city.remove() }
        try Self.killedNight(city)
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(try night.summary()["storeEditedSince"] == nil, "\(night.stderr)")
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }

    /// The last run made to look killed before it read the ledger (its seals removed), to hide a change made after it:
    /// such a run wrote nothing, so the store must still be as the run before it left it — here, as it was created.
    @Test func aRunMadeToLookKilledToHideAChangeIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("""
            INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files WHERE path = 'logs/winactor/a.csv';
            UPDATE job_runs SET state = 'killed', ended_at = NULL, seal_sum_found = NULL, seal_sum_left = NULL WHERE id = (SELECT max(id) FROM job_runs);
            """)
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(try night.summary()["storeEditedSince"] is String)
        let edited = try city.verify()
        #expect(edited.code == 1)
        #expect(VerifyTamperTests.named(edited.differences, kind: "store-edited"), "\(edited.differences)")
    }

    /// Only the seal it left removed, the run made to look killed: named as seals removed.
    @Test func aRunWhoseSealLeftIsRemovedIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE job_runs SET state = 'killed', ended_at = NULL, seal_sum_left = NULL WHERE id = (SELECT max(id) FROM job_runs)")
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config]).exitCode == 1)
        let edited = try city.verify()
        #expect(edited.differences.contains { $0["kind"] as? String == "store-edited" && $0["field"] as? String == "job_runs.seal_sum_found, seal_sum_left" },
                "\(edited.differences)")
    }
}
