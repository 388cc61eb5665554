import Foundation
@testable import Kouka
import Testing

/// The mark of a store that keeps every rollup digest, removed behind Kouka's back together with a counted file's
/// digest, so that the store looks written before Kouka kept them: the other lines' digests tell, and the next
/// nightly run must not record a digest of whatever the file's rollups are now.
@Suite struct RollupDigestsMarkRemovedTests {
    typealias F = StoreFixtures

    @Test func aStoreWithDigestsIsStillOneThatKeepsThemWithoutItsMark() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        try store.replaceContribution(of: F.record("b.log", status: .gone), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
        try store.db.execute("""
            DELETE FROM migrations WHERE name = '\(Migrations.rollupDigestsKept)';
            UPDATE source_files SET rollups_sha256 = NULL WHERE path = 'b.log';
            UPDATE rollups SET events = 30 WHERE source_id = (SELECT id FROM source_files WHERE path = 'b.log');
            """)
        #expect(try store.keepsEveryRollupDigest())
        #expect(try store.pathsWithRollupDigestRemoved() == ["b.log"])
        #expect(try store.recordRollupDigestsWrittenBefore(ofSources: try store.ledgerIdentities().filter(\.lacksRollupDigest).map(\.id)) == 0)
        let b = try #require(try store.source(path: "b.log")).id
        #expect(try store.recordedRollupDigest(ofSource: b) == nil, "the edited rollups are not made to look committed")
    }

    @Test func aStoreWithoutAnyDigestIsOneWrittenBeforeKoukaKeptThem() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        try store.db.execute("DELETE FROM migrations WHERE name = '\(Migrations.rollupDigestsKept)'; UPDATE source_files SET rollups_sha256 = NULL")
        #expect(try !store.keepsEveryRollupDigest())
    }
}
