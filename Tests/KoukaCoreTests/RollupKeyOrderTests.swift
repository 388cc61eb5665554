import Testing
@testable import Kouka

/// Rollups are summed in the order of their keys (floating-point sums depend on it), so that order must be
/// the documented one: date, department, family, name, outcome, unit, then the flags, unset before set.
struct RollupKeyOrderTests {
    @Test func keysOrderFieldByFieldAsDocumented() {
        var keys: [RollupKey] = []
        for date in [LocalDate(year: 2024, month: 5, day: 2), LocalDate(year: 2024, month: 4, day: 30)] {
            for department in ["市民課", "", "税務課"] {
                for family in [SystemFamily.rpa, .chatbot] {
                    for name in ["b", "a"] {
                        for outcome in [Outcome.failure, .success] {
                            for unit in [EffectUnit.runs, .items] {
                                for flags in [(true, false, false), (false, true, true), (false, false, false), (false, true, false)] {
                                    keys.append(RollupKey(date: date, department: department, family: family, taskName: name, outcome: outcome,
                                                          unit: unit, offHours: flags.0, cumulative: flags.1, undatedPeriod: flags.2))
                                }
                            }
                        }
                    }
                }
            }
        }
        func head(_ k: RollupKey) -> (LocalDate, String, SystemFamily, String, Outcome, EffectUnit) {
            (k.date, k.department, k.family, k.taskName, k.outcome, k.unit)
        }
        func flags(_ k: RollupKey) -> Int { (k.offHours ? 4 : 0) + (k.cumulative ? 2 : 0) + (k.undatedPeriod ? 1 : 0) }
        func before(_ a: RollupKey, _ b: RollupKey) -> Bool { head(a) != head(b) ? head(a) < head(b) : flags(a) < flags(b) }
        let sorted = keys.sorted()
        #expect(sorted.count == keys.count)
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(before(a, b), "\(a) is not before \(b)")
            #expect(!(b < a))
        }
        #expect(!(keys[0] < keys[0]))
    }
}
