import Foundation
import Kouka
import Testing

/// Reading the store as one snapshot: a second connection (a nightly run) that commits between two reads of
/// `withSnapshot` changes neither; once the snapshot ends, its changes are read.
struct StoreSnapshotTests {
    typealias F = StoreFixtures
    static let year = (from: F.april1, to: LocalDate(year: 2025, month: 3, day: 31))

    @Test func aCommitBetweenTwoReadsOfASnapshotIsNotSeen() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let reader = try KoukaStore(path: path)
        let writer = try KoukaStore(path: path)
        try writer.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])

        let (before, during) = try reader.withSnapshot {
            let before = (try reader.sources().map(\.path), try reader.rollups(from: Self.year.from, to: Self.year.to).map(\.totals.events),
                          try reader.rejections().count, try reader.repeatedRuns(from: Self.year.from, to: Self.year.to))
            // Meanwhile another connection reads a.log again, and a new file with a rejected repeat.
            try writer.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(7)], rejections: [])
            try writer.replaceContribution(of: F.record("b.log"), rollups: [F.key(F.april1, task: "別業務"): F.totals(5)],
                                           rejections: [Rejection(file: "b.log", line: 2, reason: "repeat", isRepeatedRun: true, day: F.april1)])
            let during = (try reader.sources().map(\.path), try reader.rollups(from: Self.year.from, to: Self.year.to).map(\.totals.events),
                          try reader.rejections().count, try reader.repeatedRuns(from: Self.year.from, to: Self.year.to))
            return (before, during)
        }
        #expect(before.0 == ["a.log"] && before.1 == [2] && before.2 == 0 && before.3.isEmpty)
        #expect(during.0 == before.0)
        #expect(during.1 == before.1)
        #expect(during.2 == before.2)
        #expect(during.3 == before.3)

        // After the snapshot the same connection reads what was committed: the reads above could have seen it.
        #expect(try reader.sources().map(\.path) == ["a.log", "b.log"])
        #expect(try reader.rollups(from: Self.year.from, to: Self.year.to).map(\.totals.events).sorted() == [5, 7])
        #expect(try reader.rejections().count == 1)
    }

    @Test func aFailedReadEndsTheSnapshotAndTheStoreStaysUsable() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try store.withSnapshot { throw Stop() } }
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        #expect(try store.withSnapshot { try store.sources().count } == 1)
    }
}
