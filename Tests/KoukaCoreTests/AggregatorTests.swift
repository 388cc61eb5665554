import Foundation
import Kouka
import Testing

/// `Aggregator`: events folded into rollups keyed by the local date their run started on.
struct AggregatorTests {
    static func event(
        at epochSeconds: Double, task: String = "住民票発行", department: String? = "市民課", outcome: Outcome = .success,
        quantity: Double = 1, unit: EffectUnit = .runs, machine: Double? = nil, human: Double? = nil, line: Int = 1
    ) -> UsageEvent {
        UsageEvent(family: .rpa, occurredAt: Date(timeIntervalSince1970: epochSeconds), taskName: task, department: department,
                   outcome: outcome, quantity: quantity, unit: unit, machineSeconds: machine, humanSeconds: human,
                   source: SourceLocation(file: "x.log", line: line))
    }

    static func key(_ date: LocalDate, task: String = "住民票発行", department: String = "市民課",
                    outcome: Outcome = .success, unit: EffectUnit = .runs) -> RollupKey {
        RollupKey(date: date, department: department, family: .rpa, taskName: task, outcome: outcome, unit: unit)
    }

    static let march31 = LocalDate(year: 2024, month: 3, day: 31)
    static let april1 = LocalDate(year: 2024, month: 4, day: 1)

    @Test func aRunBelongsToTheLocalDateOnWhichItStarted() {
        // Started 23:50 JST on March 31 (14:50Z) and ran 40 minutes past midnight: still March 31, FY2023.
        var tokyo = Aggregator(clock: .tokyo)
        tokyo.add(Self.event(at: 1_711_896_600, machine: 2_400))
        // Started 00:30 JST on April 1 (2024-03-31T15:30Z): April 1, FY2024.
        tokyo.add(Self.event(at: 1_711_899_000))
        #expect(Set(tokyo.totals.keys) == [Self.key(Self.march31), Self.key(Self.april1)])
        #expect(FiscalYear(containing: Self.march31) == FiscalYear(2023))

        // The same two instants on a server clock in UTC both fall on March 31.
        var utc = Aggregator(clock: LocalClock(zone: TimeZone(identifier: "UTC")!))
        utc.add(Self.event(at: 1_711_896_600, machine: 2_400))
        utc.add(Self.event(at: 1_711_899_000))
        #expect(Array(utc.totals.keys) == [Self.key(Self.march31)])
        #expect(utc.totals[Self.key(Self.march31)]?.events == 2)
    }

    @Test func eventsWithTheSameKeyFoldTogether() {
        var aggregator = Aggregator(clock: .tokyo)
        // Three successes on April 1 JST (00:00Z, 01:00Z, 02:00Z): quantities 1 + 2 + 3 = 6, machine 10 + 0 + 30
        // (the second has none), human time only on the third (90 s for its 3 units).
        aggregator.add(Self.event(at: 1_711_929_600, quantity: 1, machine: 10))
        aggregator.add(Self.event(at: 1_711_933_200, quantity: 2))
        aggregator.add(Self.event(at: 1_711_936_800, quantity: 3, machine: 30, human: 90))
        #expect(aggregator.eventCount == 3)
        #expect(aggregator.totals.count == 1)
        #expect(aggregator.totals[Self.key(Self.april1)] == RollupTotals(events: 3, quantity: 6, machineSeconds: 40,
                                                                          humanSeconds: 90, humanMeasuredQuantity: 3))
    }

    @Test func eachKeyFieldSeparatesRollups() {
        var aggregator = Aggregator(clock: .tokyo)
        let t = 1_711_929_600.0
        aggregator.add(Self.event(at: t))
        aggregator.add(Self.event(at: t, outcome: .failure))
        aggregator.add(Self.event(at: t, outcome: .cancelled))
        aggregator.add(Self.event(at: t, task: "戸籍謄本"))
        aggregator.add(Self.event(at: t, department: "税務課"))
        aggregator.add(Self.event(at: t, quantity: 12, unit: .items))
        aggregator.add(Self.event(at: t + 86_400))
        // No department and an empty department are the same key: "".
        aggregator.add(Self.event(at: t, department: nil))
        aggregator.add(Self.event(at: t, department: ""))
        #expect(aggregator.eventCount == 9)
        #expect(aggregator.totals.count == 8)
        #expect(aggregator.totals[Self.key(Self.april1, department: "")]?.events == 2)
        #expect(aggregator.totals[Self.key(Self.april1, unit: .items)]?.quantity == 12)
    }

    @Test func rollupsComeInKeyOrderWithTheirSource() {
        var aggregator = Aggregator(clock: .tokyo)
        aggregator.add(Self.event(at: 1_711_929_600 + 86_400, task: "B")) // April 2
        aggregator.add(Self.event(at: 1_711_929_600, task: "B")) //           April 1
        aggregator.add(Self.event(at: 1_711_929_600, task: "A", outcome: .failure))
        aggregator.add(Self.event(at: 1_711_929_600, task: "A"))
        let rollups = aggregator.rollups(sourceID: 42)
        #expect(rollups.map(\.key) == [
            Self.key(Self.april1, task: "A"), Self.key(Self.april1, task: "A", outcome: .failure),
            Self.key(Self.april1, task: "B"), Self.key(Self.april1.adding(days: 1), task: "B"),
        ])
        #expect(rollups.allSatisfy { $0.sourceID == 42 && $0.totals.events == 1 })
    }

    @Test func onlyChatbotAnswersOutsideOfficeHoursAreMarkedOffHours() {
        func chat(_ epochSeconds: Double) -> UsageEvent {
            UsageEvent(family: .chatbot, occurredAt: Date(timeIntervalSince1970: epochSeconds), taskName: "FAQ", outcome: .success,
                       quantity: 1, unit: .inquiries, source: SourceLocation(file: "bot.csv", line: 1))
        }
        var aggregator = Aggregator(clock: .tokyo)
        // 2024-04-01 was a Monday. 09:00 JST (00:00Z) is inside 08:30–17:15; 18:00 JST (09:00Z) is not;
        // 10:00 JST on Saturday 2024-04-06 (01:00Z) is not either.
        aggregator.add(chat(1_711_929_600))
        aggregator.add(chat(1_711_929_600 + 9 * 3600))
        aggregator.add(chat(1_711_929_600 + 5 * 86_400 + 3600))
        // A robot's 22:00 JST batch (13:00Z) is never off hours.
        aggregator.add(Self.event(at: 1_711_929_600 + 13 * 3600))
        func key(_ date: LocalDate, _ offHours: Bool) -> RollupKey {
            RollupKey(date: date, department: "", family: .chatbot, taskName: "FAQ", outcome: .success, unit: .inquiries, offHours: offHours)
        }
        #expect(aggregator.totals[key(Self.april1, false)]?.events == 1)
        #expect(aggregator.totals[key(Self.april1, true)]?.events == 1)
        #expect(aggregator.totals[key(LocalDate(year: 2024, month: 4, day: 6), true)]?.events == 1)
        #expect(aggregator.totals[Self.key(Self.april1)]?.events == 1)
        // Within one day and task, the office-hours rollup sorts before the off-hours one.
        #expect(key(Self.april1, false) < key(Self.april1, true))
        #expect(!(key(Self.april1, true) < key(Self.april1, false)))
    }

    @Test func totalsAddUp() {
        var a = RollupTotals(events: 1, quantity: 2, machineSeconds: 3, humanSeconds: 4, humanMeasuredQuantity: 5)
        a.add(RollupTotals(events: 10, quantity: 20, machineSeconds: 30, humanSeconds: 40, humanMeasuredQuantity: 50))
        #expect(a == RollupTotals(events: 11, quantity: 22, machineSeconds: 33, humanSeconds: 44, humanMeasuredQuantity: 55))
    }
}
