import Foundation
import Testing

/// The store edited outside Kouka where no reading of the logs can show it: a deleted log's ledger line removed with its
/// rollups and run ids, and the reports written again from what is left; a rejected row's line and reason rewritten.
/// Verify exited 0 on both. The seal each nightly run records of the ledger and the quarantine names the change, the
/// next nightly run says so too, and once it is looked into `--accept-store-edits` lists it as accepted.
@Suite struct StoreSealTests {
    typealias City = VerifyTamperTests.City

    @Test func aGoneFilesLedgerLineRemovedWithItsRollupsAndTheReportsWrittenAgainIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"))
        try city.nightly()
        try city.report()
        #expect(try city.verify().code == 0, "a log deleted by retention is no difference")
        try city.sql("""
            DELETE FROM rollups WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv');
            DELETE FROM run_keys WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv');
            DELETE FROM run_key_sets WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv');
            DELETE FROM source_files WHERE path = 'logs/winactor/b.csv';
            """)
        // The reports are not written again from what is left: the signed set counted the file the store lacks now.
        try city.report(exitCode: 73)
        let edited = try city.verify()
        #expect(edited.code == 1)
        #expect(VerifyTamperTests.named(edited.differences, kind: "store-edited"), "\(edited.differences)")

        // The next night says so, and the change stays named after it.
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(night.exitCode == 1)
        #expect(try night.summary()["storeEditedSince"] is String)
        #expect(night.stderr.contains("changed outside kouka-nightly since the last run"))
        let later = try city.verify()
        #expect(later.code == 1)
        #expect(later.differences.contains { ($0["subject"] as? String ?? "").hasPrefix("between the kouka-nightly runs started") })

        let accepting = try JobProcess.run("kouka-nightly", ["--config", city.config, "--accept-store-edits"])
        #expect(accepting.exitCode == 0, "\(accepting.stderr)")
        // Accepted, the store's figures are the ones to state: the signed set, which states more, is moved aside and made again.
        let signed = city.root.appendingPathComponent("reports/FY2024")
        try FileManager.default.moveItem(at: signed, to: city.root.appendingPathComponent("FY2024-signed"))
        try city.report()
        let accepted = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(accepted.exitCode == 0, "\(accepted.stdout)")
        #expect((try accepted.summary()["storeEditsAccepted"] as? [String])?.count == 1)
    }

    @Test func aRejectedRowsLineAndReasonRewrittenAreNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files WHERE path = 'logs/winactor/a.csv'")
        let edited = try city.verify()
        #expect(edited.code == 1)
        #expect(VerifyTamperTests.named(edited.differences, kind: "store-edited"), "\(edited.differences)")
    }

    /// The seals removed with the change, so that no run's seal shows it: a run that finished without them is named.
    @Test func theSealsOfTheLastRunRemovedWithAnEditAreNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("""
            INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files WHERE path = 'logs/winactor/a.csv';
            UPDATE job_runs SET seal_sum_left = NULL WHERE id = (SELECT max(id) FROM job_runs);
            """)
        let edited = try city.verify()
        #expect(edited.code == 1)
        #expect(edited.differences.contains { $0["kind"] as? String == "store-edited" && $0["field"] as? String == "job_runs.seal_sum_found, seal_sum_left" },
                "\(edited.differences)")
    }

    /// The record of the first run that seals as a sum removed (with it, runs' seals could be removed unseen): the next
    /// run says so too, and once it is looked into `--accept-store-edits` puts it back.
    @Test func theRecordOfTheFirstRunSealingAsASumRemovedIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("DELETE FROM seal_sums_since")
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(night.exitCode == 1)
        #expect(try night.summary()["storeEditedSince"] is String)
        let edited = try city.verify()
        #expect(edited.differences.contains { $0["kind"] as? String == "store-edited" && $0["field"] as? String == "seal_sums_since.run" }, "\(edited.differences)")
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--accept-store-edits"]).exitCode == 0)
        let accepted = try city.verify()
        #expect(accepted.code == 0, "\(accepted.differences)")
    }

    @Test func aDryRunSaysTheStoreWasChanged() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE rejects SET reason = 'x'; INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files LIMIT 1")
        let dry = try JobProcess.run("kouka-nightly", ["--config", city.config, "--dry-run"])
        #expect(dry.exitCode == 1)
        #expect(try dry.summary()["storeEditedSince"] is String)
    }

    @Test func nightsThatChangeNothingOutsideKoukaLeaveNoDifference() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.write("logs/winactor/c.csv", City.export(16...20))
        try city.nightly()
        try city.nightly()
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/c.csv"))
        try city.nightly()
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }
}
