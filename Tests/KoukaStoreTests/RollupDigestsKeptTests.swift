import Foundation
import Kouka
import Testing

/// The mark of a store whose every counted ledger line keeps its rollup digest: a new store has it from the start, a
/// store migrated from a Kouka that kept digests gets it at once, and one written before gets it only from the run
/// that records the missing digests, once.
@Suite struct RollupDigestsKeptTests {
    typealias F = StoreFixtures

    @Test func aNewStoreKeepsEveryDigestFromTheStart() throws {
        #expect(try KoukaStore(path: ":memory:").keepsEveryRollupDigest())
    }

    /// A store of schema v11 with two counted files, their digests as `digests` leaves them (`all`, `one` or `none`).
    static func storeBeforeTheMark(digests: String) throws -> String {
        let path = F.temporaryDatabasePath()
        let store = try KoukaStore(path: path)
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        try store.replaceContribution(of: F.record("b.log", status: .gone), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
        let cleared = ["all": "", "one": "UPDATE source_files SET rollups_sha256 = NULL WHERE path = 'b.log';",
                       "none": "UPDATE source_files SET rollups_sha256 = NULL;"][digests]!
        try StoreSurgery.run(path, cleared + "DELETE FROM migrations WHERE name IN ('v12', 'rollup digests kept');")
        return path
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"), arguments: ["all", "one"])
    func aStoreAKoukaThatKeptDigestsWroteIsMarkedAsItIsMigrated(_ digests: String) throws {
        // With one digest of two: a nightly run of that Kouka recorded every missing digest as it started, so the other
        // was removed since, and is not to be recorded.
        let path = try Self.storeBeforeTheMark(digests: digests)
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        #expect(try store.keepsEveryRollupDigest())
        #expect(try store.recordRollupDigestsWrittenBefore(ofSources: try store.ledgerIdentities().filter(\.lacksRollupDigest).map(\.id)) == 0)
        let b = try #require(try store.source(path: "b.log")).id
        let recorded = try store.recordedRollupDigest(ofSource: b)
        #expect(recorded == (digests == "all" ? try store.rollupDigest(ofSource: b) : nil), "a removed digest stays removed")
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
    func aStoreWrittenBeforeKoukaKeptDigestsGetsThemOnceAndIsMarked() throws {
        let path = try Self.storeBeforeTheMark(digests: "none")
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        #expect(try !store.keepsEveryRollupDigest())
        let lacking = try store.ledgerIdentities().filter(\.lacksRollupDigest).map(\.id)
        #expect(lacking.count == 2)
        #expect(try store.recordRollupDigestsWrittenBefore(ofSources: lacking) == 2)
        #expect(try store.keepsEveryRollupDigest())
        #expect(try store.ledgerIdentities().filter(\.lacksRollupDigest).isEmpty)
        // Removed after the mark: a second call records nothing.
        try StoreSurgery.run(path, "UPDATE source_files SET rollups_sha256 = NULL WHERE path = 'b.log'")
        let reopened = try KoukaStore(path: path)
        #expect(try reopened.recordRollupDigestsWrittenBefore(ofSources: try reopened.ledgerIdentities().filter(\.lacksRollupDigest).map(\.id)) == 0)
        #expect(try reopened.ledgerIdentities().filter(\.lacksRollupDigest).map(\.path) == ["b.log"])
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
    func theMarkIsNotTakenForASchemaFromANewerKouka() throws {
        let path = try Self.storeBeforeTheMark(digests: "none")
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        try store.recordRollupDigestsWrittenBefore(ofSources: [])
        #expect(throws: Never.self) { try KoukaStore(path: path) }
    }
}
