import Testing
@testable import Kouka

/// A report adds rollups up in the order of `(key, sourceID)`, and floating-point sums depend on that order:
/// `RollupOrder`, which ranks names once instead of comparing them at every step, must give exactly the order
/// that sorting by `(key, sourceID) <` gives, ties in their given order.
struct RollupOrderTests {
    /// Rollups drawn from every field's values, in a fixed pseudo-random order, with repeated keys and sources.
    static func rollups(count: Int, seed: UInt64) -> [DailyRollup] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // "が" written precomposed and decomposed: equal as Strings, so they must tie, as in `RollupKey.<`.
        let departments = ["", "市民課", "税務課", "が", "か\u{3099}", "Z", "a"]
        let tasks = ["住民票発行", "b", "a", "ｶﾞ", "ガ", "カ\u{3099}", "国保異動", ""]
        return (0..<count).map { index in
            let key = RollupKey(
                date: LocalDate(year: 1999 + next(3) * 20, month: 1 + next(12), day: 1 + next(28)), department: departments[next(departments.count)],
                family: SystemFamily.allCases[next(SystemFamily.allCases.count)], taskName: tasks[next(tasks.count)],
                outcome: Outcome.allCases[next(Outcome.allCases.count)], unit: EffectUnit.allCases[next(EffectUnit.allCases.count)],
                offHours: next(2) == 0, cumulative: next(3) == 0, undatedPeriod: next(4) == 0)
            // The events tell rollups with the same key and source apart, to check that ties keep their order.
            return DailyRollup(key: key, totals: RollupTotals(events: index, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                               sourceID: Int64(next(5)))
        }
    }

    @Test(arguments: [(5, 1), (200, 2), (5_000, 3), (5_000, 4)] as [(Int, UInt64)])
    func theOrderIsThatOfTheKeysThenTheSources(count: Int, seed: UInt64) {
        let rollups = Self.rollups(count: count, seed: seed)
        let expected = rollups.sorted { ($0.key, $0.sourceID) < ($1.key, $1.sourceID) }
        let found = RollupOrder.sorted(rollups)
        #expect(found.map(\.totals.events) == expected.map(\.totals.events))
    }

    @Test func canonicallyEquivalentNamesTieAndKeepTheirOrder() {
        let date = LocalDate(year: 2024, month: 4, day: 1)
        func rollup(_ task: String, _ events: Int) -> DailyRollup {
            DailyRollup(key: RollupKey(date: date, department: "", family: .rpa, taskName: task, outcome: .success, unit: .runs),
                        totals: RollupTotals(events: events, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        }
        let found = RollupOrder.sorted([rollup("カ\u{3099}", 1), rollup("a", 2), rollup("ガ", 3), rollup("カ\u{3099}", 4)])
        #expect(found.map(\.totals.events) == [2, 1, 3, 4])
    }

    @Test func noRollupsGiveNone() {
        #expect(RollupOrder.sorted([]).isEmpty)
    }
}
