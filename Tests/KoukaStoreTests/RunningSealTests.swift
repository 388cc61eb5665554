import Foundation
@testable import Kouka
import Testing

/// The seal as a sum (`SealSum`), kept by a nightly run's connection as it writes and recorded with the run at each
/// commit (`seal_sum_left`): it must always be the seal a reading of the whole store gives, whatever the writes did —
/// a savepoint undone, a transaction rolled back, a statement outside any transaction — or verification would name a
/// change no one made, or miss one.
@Suite struct RunningSealTests {
    typealias F = StoreFixtures

    static func digest(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    @Test func aSumIsModulo2To256AndARowRemovedTakesBackWhatItAdded() {
        var sum = SealSum()
        Self.digest(0xFF).withUnsafeBytes { sum.add($0) }
        Self.digest(0xFF).withUnsafeBytes { sum.add($0) }
        #expect(sum.hex == String(repeating: "f", count: 63) + "e", "2 × (2^256 − 1), carried through every word")
        Self.digest(0xFF).withUnsafeBytes { sum.subtract($0) }
        Self.digest(0xFF).withUnsafeBytes { sum.subtract($0) }
        #expect(sum == SealSum())
        var one = [UInt8](repeating: 0, count: 32)
        one[31] = 1
        one.withUnsafeBytes { sum.subtract($0) }
        #expect(sum.hex == String(repeating: "f", count: 64), "borrowed through every word")
    }

    /// The sum recorded with the run, read back from the store.
    static func recorded(_ store: KoukaStore, run: Int64) throws -> String? {
        var left: String? = nil
        try store.db.prepare("SELECT seal_sum_left FROM job_runs WHERE id = ?").query([.integer(run)]) { left = try $0.optionalText(0) }
        return left
    }

    @Test func theRecordedSealIsTheStoresWhateverTheWritesDid() throws {
        let store = try KoukaStore(path: ":memory:")
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [Rejection(file: "a.log", line: 4, reason: "r")])
        let run = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-05-01T17:00:00Z")
        var sealing: LedgerSealing? = LedgerSealing(readingOldSeal: false)
        _ = try store.ledgerIdentities(sealing: &sealing)
        let found = try store.sealsFound(try #require(sealing), run: run)
        #expect(found.sum == (try store.sealSum()), "the ledger read once with the run's identities gives the seal of the whole store")
        #expect(try Self.recorded(store, run: run) == found.sum.hex)

        // Two files in one commit, a line changed and a rejected row added, removed and rewritten.
        try store.inOneTransaction {
            try store.replaceContribution(of: F.record("b.log"), rollups: [F.key(F.april1): F.totals(1)], rejections: [Rejection(file: "b.log", line: 2, reason: "r")])
            try store.replaceContribution(of: F.record("a.log", rows: 20), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
        }
        #expect(try Self.recorded(store, run: run) == (try store.sealSum()).hex)

        // A savepoint undone inside a commit, and a whole transaction rolled back: neither's writes are in the seal.
        try store.inOneTransaction {
            #expect(throws: CancellationError.self) {
                try store.inOneTransaction {
                    try store.replaceContribution(of: F.record("c.log"), rollups: [:], rejections: [Rejection(file: "c.log", line: 1, reason: "r")])
                    throw CancellationError()
                }
            }
            try store.db.execute("UPDATE rejects SET reason = 'rewritten' WHERE line = 2")
        }
        #expect(throws: CancellationError.self) {
            try store.inOneTransaction {
                try store.db.execute("DELETE FROM rejects")
                throw CancellationError()
            }
        }
        #expect(store.runningSealSum == (try store.sealSum()))
        #expect(try Self.recorded(store, run: run) == (try store.sealSum()).hex)

        // Outside any transaction: recorded right after the statement.
        try store.db.execute("UPDATE source_files SET status = 'gone' WHERE path = 'b.log'")
        #expect(try Self.recorded(store, run: run) == (try store.sealSum()).hex)
        #expect(try store.sealSum() != found.sum)
    }
}
