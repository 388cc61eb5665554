import Foundation
import Kouka
import Testing

/// Issue 14 item 1: DeepL Free and Pro Classic answer a running total with no period. Saved each day, the
/// totals of the days form one series; where the total falls the counter was reset and a new period starts.
struct UndatedRunningTotalsTests {
    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2024, month: 7, day: d) }

    static func snapshot(_ d: Int, _ characters: Double, source: Int64) -> DailyRollup {
        DailyRollup(key: RollupKey(date: day(d), department: "", family: .translation, taskName: "DeepL", outcome: .success, unit: .characters,
                                   cumulative: true, undatedPeriod: true),
                    totals: RollupTotals(events: 1, quantity: characters, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                    sourceID: source)
    }

    /// July 9 100,000, July 10 300,000, then the counter is reset: July 11 20,000, July 12 50,000. Two periods:
    /// 300,000 (from July 9) and 50,000 (from July 11) = 350,000; summed day by day it would be 470,000, and the
    /// dated-period rule (largest per day) would count every day.
    @Test func aFallingTotalStartsANewPeriodWhateverTheOrderOfFiles() {
        let days = [Self.snapshot(9, 100_000, source: 1), Self.snapshot(10, 300_000, source: 2),
                    Self.snapshot(11, 20_000, source: 3), Self.snapshot(12, 50_000, source: 4)]
        for order in [days, days.reversed(), [days[2], days[0], days[3], days[1]]] {
            let kept = RunningTotals.latest(order)
            #expect(kept.map(\.totals.quantity) == [300_000, 50_000])
            #expect(kept.map(\.key.date) == [Self.day(9), Self.day(11)])
            #expect(kept.map(\.sourceID) == [2, 4])
        }
    }

    /// The same day's poll saved in two files counts once, its largest.
    @Test func oneDaySavedTwiceIsOneSnapshot() {
        let kept = RunningTotals.latest([Self.snapshot(9, 100_000, source: 1), Self.snapshot(9, 120_000, source: 2), Self.snapshot(10, 130_000, source: 3)])
        #expect(kept.map(\.totals.quantity) == [130_000])
    }
}
