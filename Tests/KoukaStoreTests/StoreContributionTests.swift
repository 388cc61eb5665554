import Foundation
import Kouka
import Testing

/// `KoukaStore.replaceContribution` and what `rollups(from:to:)`, `sources()` and `rejections()` give back.
struct StoreContributionTests {
    typealias F = StoreFixtures

    @Test func rollupsRoundTrip() throws {
        let store = try KoukaStore(path: ":memory:")
        let rollups: [RollupKey: RollupTotals] = [
            F.key(F.march31): F.totals(3, machine: 90.5),
            F.key(F.april1): F.totals(2, quantity: 0.1 + 0.2, machine: 12, human: 30, humanQuantity: 0.1),
            F.key(F.april1, outcome: .failure): F.totals(1),
            F.key(F.april1, task: "FAQ", department: "", family: .chatbot, unit: .inquiries, offHours: true): F.totals(4),
            F.key(F.april1.adding(days: 14), task: "介護申請書_*", family: .aiOCR, unit: .sheets): F.totals(5, quantity: 120),
        ]
        let id = try store.replaceContribution(of: F.record("logs/2024-04-01_Execution.log"), rollups: rollups, rejections: [])
        #expect(id > 0)

        let all = try store.rollups(from: LocalDate(year: 2024, month: 1, day: 1), to: LocalDate(year: 2024, month: 12, day: 31))
        #expect(all.count == 5)
        #expect(Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0.totals) }) == rollups)
        #expect(all.allSatisfy { $0.sourceID == id })
        // Ordered by day first.
        #expect(all.map(\.key.date) == all.map(\.key.date).sorted())
        // Doubles come back exactly, and Japanese text unchanged.
        #expect(all.first { $0.key.outcome == .success && $0.key.date == F.april1 && $0.key.family == .rpa }?.totals.quantity == 0.1 + 0.2)
        #expect(all.contains { $0.key.taskName == "介護申請書_*" && $0.totals.quantity == 120 })
    }

    @Test func bothEndsOfTheRangeAreIncluded() throws {
        let store = try KoukaStore(path: ":memory:")
        let days = (0..<5).map { F.march31.adding(days: $0 - 1) } // 03-30 … 04-03
        try store.replaceContribution(of: F.record("a.log"), rollups: Dictionary(uniqueKeysWithValues: days.map { (F.key($0), F.totals(1)) }), rejections: [])
        #expect(try store.rollups(from: F.march31, to: F.april1).map(\.key.date) == [F.march31, F.april1])
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.key.date) == [F.april1])
        #expect(try store.rollups(from: LocalDate(year: 2024, month: 4, day: 4), to: LocalDate(year: 2025, month: 3, day: 31)).isEmpty)
        // FY2023 ends on March 31: the two March days.
        let fy2023 = FiscalYear(2023)
        #expect(try store.rollups(from: fy2023.firstDay, to: fy2023.lastDay).count == 2)
    }

    @Test func theLedgerKeepsWhatWasRead() throws {
        let store = try KoukaStore(path: ":memory:")
        let idB = try store.replaceContribution(of: F.record("b.csv"), rollups: [:], rejections: [])
        let idA = try store.replaceContribution(of: F.record("a.csv", status: .rejected, reason: "not a winactor-task-csv file"), rollups: [:], rejections: [])
        #expect(idA != idB)
        let sources = try store.sources()
        #expect(sources.map(\.path) == ["a.csv", "b.csv"])
        var expectedB = F.record("b.csv")
        expectedB.id = idB
        #expect(try store.source(path: "b.csv") == expectedB)
        #expect(try store.source(path: "a.csv")?.status == .rejected)
        #expect(try store.source(path: "a.csv")?.rejectReason == "not a winactor-task-csv file")
        #expect(try store.source(path: "b.csv")?.rejectReason == nil)
        #expect(try store.source(path: "c.csv") == nil)
    }

    @Test func replacingAFilesContributionRemovesItsOldRollupsAndRejects() throws {
        let store = try KoukaStore(path: ":memory:")
        let first = try store.replaceContribution(
            of: F.record("x.log", rows: 10),
            rollups: [F.key(F.march31): F.totals(3), F.key(F.april1): F.totals(2)],
            rejections: [Rejection(file: "x.log", line: 7, reason: "no jobId"), Rejection(file: "x.log", line: 3, reason: "bad JSON")])
        // Another file's contribution must be left alone.
        try store.replaceContribution(of: F.record("other.log"), rollups: [F.key(F.april1, task: "他"): F.totals(9)],
                                      rejections: [Rejection(file: "other.log", line: 1, reason: "cut off")])
        #expect(try store.rejections().map(\.line) == [1, 3, 7])

        // The file grew: read again, it now has one rollup and one reject.
        let second = try store.replaceContribution(
            of: F.record("x.log", rows: 20), rollups: [F.key(F.april1): F.totals(5)],
            rejections: [Rejection(file: "x.log", line: 15, reason: "status UNKNOWN")])
        #expect(second == first)
        let rollups = try store.rollups(from: F.march31, to: F.april1)
        #expect(rollups.filter { $0.sourceID == first }.map(\.key) == [F.key(F.april1)])
        #expect(rollups.filter { $0.sourceID == first }.map(\.totals.events) == [5])
        #expect(rollups.filter { $0.sourceID != first }.map(\.totals.events) == [9])
        #expect(try store.rejections() == [
            Rejection(file: "other.log", line: 1, reason: "cut off"), Rejection(file: "x.log", line: 15, reason: "status UNKNOWN"),
        ])
        #expect(try store.source(path: "x.log")?.rowsRead == 20)
        #expect(try store.sources().count == 2)
    }

    @Test func aRejectedFilesRollupsDoNotCount() throws {
        let store = try KoukaStore(path: ":memory:")
        try store.replaceContribution(of: F.record("good.log"), rollups: [F.key(F.april1): F.totals(1)], rejections: [])
        try store.replaceContribution(of: F.record("bad.log", status: .rejected, reason: "format mismatch"),
                                      rollups: [F.key(F.april1, task: "bad"): F.totals(100)], rejections: [])
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.key.taskName) == ["住民票発行_RPA"])
        // Once the file reads as its format again, its rollups count.
        try store.replaceContribution(of: F.record("bad.log"), rollups: [F.key(F.april1, task: "bad"): F.totals(100)], rejections: [])
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.key.taskName).sorted() == ["bad", "住民票発行_RPA"].sorted())
    }
}
