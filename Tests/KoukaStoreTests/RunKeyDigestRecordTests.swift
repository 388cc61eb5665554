import Foundation
@testable import Kouka
import Testing

/// The run-key digest each commit records in the ledger (`run_keys_sha256`): the one the store's set gives when read
/// back, however the set was written, so that verification names only sets changed behind Kouka's back.
@Suite struct RunKeyDigestRecordTests {
    typealias F = StoreFixtures

    static func keys(_ hashes: [UInt64], days: ClosedRange<LocalDate> = F.april1...F.april1, unfinished: [UInt64] = []) -> RunKeyStream {
        RunKeyStream(days: days, unfinished: unfinished) { body in for hash in hashes { try body(hash) } }
    }

    /// Every line's recorded digest against its set read back; a line without a set has none.
    static func expectRecordedIsReadBack(_ store: KoukaStore, _ comment: Comment) throws {
        let recorded = try store.recordedRunKeyDigests(), actual = try store.runKeyDigests()
        #expect(recorded == actual, comment)
    }

    @Test func aSetWrittenWholeAppendedToOrRemovedRecordsTheDigestItsRowsGive() throws {
        let store = try KoukaStore(path: ":memory:")
        let rollups = [F.key(F.april1): F.totals(2)]
        try store.replaceContribution(of: F.record("a.log"), rollups: rollups, rejections: [], runKeys: Self.keys([3, 7, 9], unfinished: [7]))
        try store.replaceContribution(of: F.record("b.log"), rollups: rollups, rejections: [])
        try Self.expectRecordedIsReadBack(store, "written whole, with a run unfinished; and a file without run ids")
        #expect(try store.recordedRunKeyDigests().count == 1)

        // More than a chunk, so that the digest covers the numbering of chunks.
        let many = (0..<UInt64(KoukaStore.runKeyChunk + 5)).map { $0 * 2 + 1 }
        try store.replaceContribution(of: F.record("c.log"), rollups: rollups, rejections: [], runKeys: Self.keys(many))
        try Self.expectRecordedIsReadBack(store, "two chunks")

        let a = try #require(try store.source(path: "a.log")).id
        let before = try #require(try store.recordedRunKeyDigests()[a])
        try store.appendContribution(of: F.record("a.log"), rollups: rollups, rejections: [],
                                     runKeys: Self.keys([4], days: F.april1...F.april1.adding(days: 1)))
        try Self.expectRecordedIsReadBack(store, "appended to")
        #expect(try store.recordedRunKeyDigests()[a] != before)
        try store.appendContribution(of: F.record("a.log"), rollups: rollups, rejections: [])
        try Self.expectRecordedIsReadBack(store, "appended to without run ids: the set and its digest as they were")

        try store.replaceContribution(of: F.record("a.log"), rollups: rollups, rejections: [])
        try Self.expectRecordedIsReadBack(store, "read again without run ids")
        #expect(try store.recordedRunKeyDigests()[a] == nil)
    }

    @Test func aSetChangedOutsideKoukaNoLongerGivesItsRecordedDigest() throws {
        let store = try KoukaStore(path: ":memory:")
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [], runKeys: Self.keys([3, 7]))
        try store.db.execute("UPDATE run_key_sets SET unfinished = NULL")
        try Self.expectRecordedIsReadBack(store, "nothing changed yet")
        try store.db.execute("DELETE FROM run_keys")
        let a = try #require(try store.source(path: "a.log")).id
        #expect(try store.runKeyDigests()[a] != nil, "the row alone still gives a digest")
        #expect(try store.runKeyDigests()[a] != store.recordedRunKeyDigests()[a])
    }

    @Test func aNewStoreKeepsEveryRunKeyDigestAndAStoreWrittenBeforeGetsThemOnce() throws {
        #expect(try KoukaStore(path: ":memory:").keepsEveryRunKeyDigest())
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        do {
            let store = try KoukaStore(path: path)
            try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [], runKeys: Self.keys([3, 7]))
            try store.replaceContribution(of: F.record("b.log", status: .gone), rollups: [F.key(F.april1): F.totals(1)], rejections: [],
                                          runKeys: Self.keys([5]))
            // As a Kouka before 0.4.7 left it: no column, no migration, no mark.
            try store.db.execute("""
                DELETE FROM migrations WHERE name IN ('v17', '\(Migrations.runKeyDigestsKept)');
                ALTER TABLE source_files DROP COLUMN run_keys_sha256;
                """)
        }
        let store = try KoukaStore(path: path)
        #expect(try !store.keepsEveryRunKeyDigest(), "a store with run ids and no digests is not marked as it is migrated")
        #expect(try store.recordedRunKeyDigests().isEmpty)
        #expect(try store.recordRunKeyDigestsWrittenBefore() == 2)
        try Self.expectRecordedIsReadBack(store, "recorded for the gone file too")
        #expect(try store.keepsEveryRunKeyDigest())
        #expect(try store.recordRunKeyDigestsWrittenBefore() == 0, "once only")
    }

    /// A line without a run-key digest seals as a Kouka before 0.4.7 sealed it, so that the seals recorded before stay
    /// true; with one, the seal is another. The expected seals were worked out apart from Kouka (Python's hashlib over
    /// the framing `LedgerSeal` documents).
    @Test func aLineWithoutARunKeyDigestSealsAsBefore() throws {
        let store = try KoukaStore(path: ":memory:")
        try store.db.execute("""
            INSERT INTO source_files (id, path, format, size, sha256, rows_read, rows_accepted, rows_rejected, pending_runs, byte_offset, status,
                reject_reason, modified_at, inode, prefix_fingerprint, resume_line, rows_repeated, rollups_sha256)
            VALUES (1, 'logs/a.log', 'uipath-execution-log', 120, 'aa', 3, 2, 1, 0, 120, 'present', NULL, 0, 7, '', 0, 0, 'bb');
            INSERT INTO rejects (source_id, line, reason, repeated_run, day) VALUES (1, 2, 'bad', 0, '2024-04-01');
            """)
        #expect(try store.ledgerSeal() == Self.sealWithoutDigest)
        try store.db.execute("UPDATE source_files SET run_keys_sha256 = 'cc' WHERE id = 1")
        #expect(try store.ledgerSeal() == Self.sealWithDigest)
    }

    static let sealWithoutDigest = "3983d074ed656456e7ba7d8705d27a20e82b31e001ca82b432430b1d6a35a551"
    static let sealWithDigest = "b32a4c44fba13ff45a94da581684572cc7c0363c9a3eb8b18ec0bd514f107bb5"
}
