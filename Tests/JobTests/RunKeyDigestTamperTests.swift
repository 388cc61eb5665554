import Foundation
import Testing

/// The run ids of a file no longer on disk changed behind Kouka's back, and an export holding the same runs arriving
/// afterwards: it counts them a second time, the logs read again agree (they are given the gone file's run ids as the
/// store holds them), and verify exited 0. Each commit's run-key digest (`run_keys_sha256`, sealed with the ledger)
/// names the change whatever arrives later.
@Suite(.serialized) struct RunKeyDigestTamperTests {
    typealias City = VerifyTamperTests.City

    static let counting = "logs/winactor/a-copy.csv"
    static let a = RunKeyTamperTests.a

    /// Every export gone from disk, the one that counted t1–t10 first among them: nothing can be read again.
    static func cityOfGoneExports() throws -> City {
        let city = try City.verified()
        for name in ["a.csv", "a-copy.csv", "b.csv"] { try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/\(name)")) }
        try city.nightly()
        try city.report()
        let honest = try city.verify()
        #expect(honest.code == 0, "\(honest.differences)")
        return city
    }

    @Test func aGoneExportsRunIDsRemovedAreNamedAlsoAfterAnOverlappingExportCountedThemAgain() throws {
        let city = try Self.cityOfGoneExports()
        defer { city.remove() }
        try city.sql("DELETE FROM run_keys WHERE source_id = \(Self.a); DELETE FROM run_key_sets WHERE source_id = \(Self.a)")
        try city.write("logs/winactor/c.csv", City.export(1...12))
        try city.nightly()
        try city.report()
        let result = try city.verify()
        #expect(result.code == 1)
        let named = result.differences.filter { $0["kind"] as? String == "run-keys-digest" }
        #expect(named.map { $0["subject"] as? String } == [Self.counting], "\(result.differences)")
        #expect((named.first?["detail"] as? String)?.contains("removed from the store behind Kouka's back") == true)
    }

    @Test(arguments: [
        "UPDATE run_keys SET hashes = randomblob(length(hashes)) WHERE source_id = \(a)",
        "UPDATE run_key_sets SET unfinished = randomblob(8) WHERE source_id = \(a)",
        "INSERT INTO run_keys (source_id, chunk, hashes) SELECT source_id, 99, hashes FROM run_keys WHERE source_id = \(a)",
        "DELETE FROM run_key_sets WHERE source_id = \(a)",
    ])
    func aGoneExportsRunIDsChangedAreNamed(_ tampering: String) throws {
        let city = try Self.cityOfGoneExports()
        defer { city.remove() }
        try city.sql(tampering)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "run-keys-digest"), "\(result.differences)")
    }

    @Test func theDigestRemovedWithTheRunIDsIsNamedByTheSeal() throws {
        let city = try Self.cityOfGoneExports()
        defer { city.remove() }
        try city.sql("DELETE FROM run_keys WHERE source_id = \(Self.a); UPDATE source_files SET run_keys_sha256 = NULL WHERE id = \(Self.a)")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "store-edited"), "\(result.differences)")
        #expect(VerifyTamperTests.named(result.differences, kind: "run-keys-digest", subject: Self.counting), "\(result.differences)")
    }

    /// A store of a Kouka before 0.4.7: verify says once that the digests are not recorded yet; the next nightly run
    /// records them (without naming anything), and from then on a change is named.
    @Test func aStoreFromBeforeGetsItsDigestsFromTheNextNightlyRun() throws {
        let city = try Self.cityOfGoneExports()
        defer { city.remove() }
        try city.sql(storeBeforeSealsSQL + storeBeforeRunKeyDigestsSQL)
        let before = try city.verify()
        #expect(before.code == 1)
        #expect(before.differences.map { $0["kind"] as? String } == ["unverifiable"], "\(before.differences)")
        #expect((before.differences.first?["detail"] as? String)?.contains("run kouka-nightly once") == true)
        let night = try JobProcess.run("kouka-nightly", ["--config", city.config])
        // Exit 1 only for the WinActor source that matches no file now.
        #expect(night.exitCode == 1)
        #expect((try night.summary()["sourcesMissing"] as? [[String: Any]])?.count == 1)
        #expect(try night.summary()["storeEditedSince"] == nil, "recording the digests is no change outside Kouka")
        #expect(night.stderr.contains("recorded the run-key digest of ledger lines written before Kouka kept them"))
        let after = try city.verify()
        #expect(after.code == 0, "\(after.differences)")
        try city.sql("DELETE FROM run_keys WHERE source_id = \(Self.a)")
        #expect(VerifyTamperTests.named(try city.verify().differences, kind: "run-keys-digest", subject: Self.counting))
    }
}
