import Foundation
@testable import Kouka
import Testing

/// The aggregator finds rollups by numbered names and keys packed into 64 bits; every path must give what
/// a plain dictionary of `RollupKey`s gives.
struct AggregatorKeyingTests {
    typealias A = AggregatorTests

    /// The rollups a plain dictionary keyed by `RollupKey` folds from `events`.
    static func expected(_ events: [UsageEvent]) -> [RollupKey: RollupTotals] {
        var totals: [RollupKey: RollupTotals] = [:]
        for event in events {
            let key = RollupKey(date: LocalClock.tokyo.localDate(of: event.occurredAt), department: event.department ?? "", family: event.family,
                                taskName: event.taskName, outcome: event.outcome, unit: event.unit)
            totals[key, default: RollupTotals()].add(event)
        }
        return totals
    }

    @Test func thousandsOfNamesAndDaysFoldAsADictionaryWould() {
        var events: [UsageEvent] = []
        for n in 0..<3_000 {
            // Names built at run time, so equal names are different String objects.
            let name = "業務_" + String(n % 1_500)
            events.append(A.event(at: 1_711_929_600 + Double(n % 40) * 86_400, task: name, department: n % 3 == 0 ? nil : "課\(n % 7)",
                                  outcome: n % 5 == 0 ? .failure : .success, machine: Double(n)))
        }
        var aggregator = Aggregator(clock: .tokyo)
        for event in events { aggregator.add(event) }
        #expect(aggregator.totals == Self.expected(events))
        #expect(aggregator.eventCount == 3_000)
    }

    /// Names long enough to have storage of their own are known by where their bytes are: one object
    /// handed over for every row (as a parser's interner does), equal names as different objects, and
    /// different names must all fold as a dictionary would.
    @Test func longNamesAsOneObjectOrAsManyFoldAsADictionaryWould() {
        let shared = (0..<40).map { "住民税_課税資料取込_定期実行_\($0)" }
        var events: [UsageEvent] = []
        for n in 0..<4_000 {
            let name = n % 2 == 0 ? shared[n % 40] : "住民税_課税資料取込_定期実行_" + String(n % 40)
            events.append(A.event(at: 1_711_929_600 + Double(n % 30) * 86_400, task: name, department: n % 3 == 0 ? nil : "市民課_窓口サービス係_\(n % 4)",
                                  outcome: n % 7 == 0 ? .failure : .success, machine: Double(n)))
        }
        var aggregator = Aggregator(clock: .tokyo)
        for event in events { aggregator.add(event) }
        #expect(aggregator.totals == Self.expected(events))
        #expect(aggregator.totals.count == Self.expected(events).count)
    }

    /// The rollups handed to the store are `totals`, in the order of the store's key with text by its bytes.
    @Test func rollupsInByteOrderAreTheTotalsInTheStoresKeyOrder() {
        var events: [UsageEvent] = []
        for n in 0..<2_000 {
            let department: String? = [nil, "", "市民課", "保険年金課", "Zeta"][n % 5]
            events.append(A.event(at: 1_711_929_600 + Double(n % 23) * 86_400 + Double(n % 2) * 50_000, task: ["住民票", "住民票発行", "a", "Z", "ｶﾅ"][n % 5 == 0 ? 0 : n % 7 % 5],
                                  department: department, outcome: n % 3 == 0 ? .failure : .success, machine: Double(n)))
        }
        var aggregator = Aggregator(clock: .tokyo)
        for event in events { aggregator.add(event) }
        let ordered = aggregator.rollupsInByteOrder()
        #expect(Dictionary(uniqueKeysWithValues: ordered.map { ($0.key, $0.totals) }) == aggregator.totals)
        func bytes(_ key: RollupKey) -> [[UInt8]] {
            [key.date.description, key.department, key.family.rawValue, key.taskName, key.outcome.rawValue, key.unit.rawValue,
             key.offHours ? "1" : "0"].map { Array($0.utf8) }
        }
        let inOrder = zip(ordered, ordered.dropFirst()).allSatisfy { a, b in
            let (x, y) = (bytes(a.key), bytes(b.key))
            for (p, q) in zip(x, y) where p != q { return p.lexicographicallyPrecedes(q) }
            return false
        }
        #expect(inOrder)
    }

    /// A name written with a combining mark (as macOS writes file names) is the same text as the composed one:
    /// one rollup, as `totals` has it.
    @Test func namesOfTheSameTextInOtherBytesShareOneRollup() {
        let composed = "ガス使用量確認", decomposed = "カ\u{3099}ス使用量確認"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        var aggregator = Aggregator(clock: .tokyo)
        for (index, name) in [composed, decomposed, composed].enumerated() { aggregator.add(A.event(at: 1_711_929_600, task: name, machine: Double(index))) }
        let ordered = aggregator.rollupsInByteOrder()
        #expect(ordered.count == 1)
        #expect(ordered.first?.totals.events == 3)
        #expect(Dictionary(uniqueKeysWithValues: ordered.map { ($0.key, $0.totals) }) == aggregator.totals)
    }

    @Test func aDayBefore1970TakesTheUnpackedPathAndStillFolds() {
        let events = [A.event(at: -86_400 * 3), A.event(at: -86_400 * 3 + 60), A.event(at: 1_711_929_600)]
        var aggregator = Aggregator(clock: .tokyo)
        for event in events { aggregator.add(event) }
        #expect(aggregator.totals == Self.expected(events))
        #expect(aggregator.totals.count == 2)
    }

    @Test func partsFoldedApartAndAbsorbedEqualOneFold() {
        let events = (0..<500).map { A.event(at: 1_711_929_600 + Double($0 % 9) * 86_400, task: "T\($0 % 13)", machine: Double($0)) }
        var whole = Aggregator(clock: .tokyo), first = Aggregator(clock: .tokyo), second = Aggregator(clock: .tokyo)
        for (index, event) in events.enumerated() {
            whole.add(event)
            if index < 200 { first.add(event) } else { second.add(event) }
        }
        first.absorb(second)
        #expect(first.totals == whole.totals)
        #expect(first.eventCount == 500)
    }

    @Test func theSlotTableKeepsEveryKeyThroughGrowth() {
        var table = SlotTable()
        let keys = (0..<5_000).map { UInt64($0) &* 0x1_0000_0001 }
        for (value, key) in keys.enumerated() { table.insert(key, value) }
        #expect(keys.enumerated().allSatisfy { table.value(for: $1) == $0 })
        #expect(table.value(for: 7) == nil)
    }
}
