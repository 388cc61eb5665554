import Foundation
import Kouka
import Testing

/// Issue 13 item 7: DeepL's usage count is a running total of its billing period, and a period's snapshots
/// may be split over files. Of one period the largest total counts, whatever the files and their order.
struct RunningTotalsTests {
    static let april10 = LocalDate(year: 2024, month: 4, day: 10)
    static let may10 = LocalDate(year: 2024, month: 5, day: 10)

    static func snapshot(_ date: LocalDate, _ characters: Double, source: Int64, cumulative: Bool = true) -> DailyRollup {
        DailyRollup(key: RollupKey(date: date, department: "", family: .translation, taskName: "DeepL", outcome: .success, unit: .characters,
                                   cumulative: cumulative),
                    totals: RollupTotals(events: 1, quantity: characters, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                    sourceID: source)
    }

    /// The case, with the figure it implies: April's file held 1,000 and 3,000 for the period of
    /// April 10 (the parser keeps 3,000 of one file); May's file holds 5,000 for that period and 500 for the
    /// period of May 10. Summed across files: 3,000 + 5,000 + 500 = 8,500 (the wrong figure; its
    /// "5,500" is 5,000 + 500, so May's file must also hold the 500 of the next period). Right: 5,000 + 500.
    @Test func theLatestSnapshotOfAPeriodCountsAcrossFiles() {
        let rollups = [Self.snapshot(Self.april10, 3_000, source: 1), Self.snapshot(Self.april10, 5_000, source: 2),
                       Self.snapshot(Self.may10, 500, source: 2)]
        let kept = RunningTotals.latest(rollups)
        #expect(kept.map(\.totals.quantity).reduce(0, +) == 5_500)
        #expect(kept.map(\.sourceID) == [2, 2])
    }

    /// Whatever order the files were read in (their ledger ids) and the rollups come in, the same are kept.
    @Test func theOrderOfFilesAndRollupsDoesNotMatter() {
        let one = [Self.snapshot(Self.april10, 5_000, source: 1), Self.snapshot(Self.april10, 3_000, source: 2),
                   Self.snapshot(Self.april10, 1_000, source: 3)]
        let expected = RunningTotals.latest(one)
        #expect(expected.map(\.totals.quantity) == [5_000])
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            #expect(RunningTotals.latest(order.map { one[$0] }) == expected)
        }
    }

    /// Two files with the same total: one counts, the file read first, in any order.
    @Test func ofEqualTotalsTheFirstFileCounts() {
        let a = Self.snapshot(Self.april10, 2_000, source: 7), b = Self.snapshot(Self.april10, 2_000, source: 4)
        #expect(RunningTotals.latest([a, b]).map(\.sourceID) == [4])
        #expect(RunningTotals.latest([b, a]).map(\.sourceID) == [4])
    }

    /// Per-request translations are uses: they add up, as before.
    @Test func otherRollupsAreAddedAsTheyAre() {
        let requests = [Self.snapshot(Self.april10, 3_000, source: 1, cumulative: false), Self.snapshot(Self.april10, 5_000, source: 2, cumulative: false)]
        #expect(RunningTotals.latest(requests) == requests)
    }

    /// The aggregator keeps a running total apart from uses of the same day and name.
    @Test func theAggregatorKeysRunningTotalsApart() {
        var aggregator = Aggregator(clock: LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!))
        let at = LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!).startOfDay(Self.april10)
        for cumulative in [true, false] {
            aggregator.add(UsageEvent(family: .translation, occurredAt: at, taskName: "DeepL", outcome: .success, quantity: 100, unit: .characters,
                                      source: SourceLocation(file: "f", line: 1), cumulative: cumulative))
        }
        #expect(aggregator.totals.keys.map(\.cumulative).sorted { !$0 && $1 } == [false, true])
        #expect(aggregator.rollupsInByteOrder().map(\.key.cumulative) == [false, true])
    }
}
