import Foundation
import Kouka
import Testing

/// `KoukaStore.inOneTransaction`: several files recorded in one commit, each file still whole or absent.
struct StoreBatchTests {
    typealias F = StoreFixtures

    /// Rollups the store refuses: the same key twice breaks the rollups' primary key after the file's ledger
    /// line is written.
    static let refused: [(key: RollupKey, totals: RollupTotals)] = [(F.key(F.april1), F.totals(1)), (F.key(F.april1), F.totals(2))]

    @Test func aFileThatFailsInsideABatchLeavesNothingAndTheOthersAreCommittedOnce() throws {
        let store = try KoukaStore(path: ":memory:")
        let before = store.commits
        try store.inOneTransaction {
            try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
            #expect(throws: (any Error).self) {
                try store.replaceContribution(of: F.record("bad.log"), orderedRollups: Self.refused, rejections: [])
            }
            try store.replaceContribution(of: F.record("c.log"), rollups: [F.key(F.april1): F.totals(4)], rejections: [])
        }
        #expect(store.commits == before + 1)
        #expect(try store.sources().map(\.path) == ["a.log", "c.log"])
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.totals.events) == [3, 4])
    }

    @Test func aBatchThatFailsLeavesNoneOfItsFiles() throws {
        struct Stop: Error {}
        let store = try KoukaStore(path: ":memory:")
        try store.replaceContribution(of: F.record("before.log"), rollups: [F.key(F.april1): F.totals(1)], rejections: [])
        #expect(throws: Stop.self) {
            try store.inOneTransaction {
                try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
                try store.replaceContribution(of: F.record("before.log"), rollups: [F.key(F.april1): F.totals(9)], rejections: [])
                throw Stop()
            }
        }
        #expect(try store.sources().map(\.path) == ["before.log"])
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.totals.events) == [1])
        // The store takes writes again: the failed batch left no transaction open.
        try store.replaceContribution(of: F.record("after.log"), rollups: [:], rejections: [])
        #expect(try store.sources().map(\.path) == ["after.log", "before.log"])
    }
}
