/// Folds a stream of events into daily rollups, keyed by the local date on which each run started.
public struct Aggregator: Sendable {
    public let clock: LocalClock
    public private(set) var totals: [RollupKey: RollupTotals] = [:]
    public private(set) var eventCount = 0

    public init(clock: LocalClock) { self.clock = clock }

    public mutating func add(_ event: UsageEvent) {
        let key = RollupKey(
            date: clock.localDate(of: event.occurredAt), department: event.department ?? "",
            family: event.family, taskName: event.taskName, outcome: event.outcome, unit: event.unit)
        totals[key, default: RollupTotals()].add(event)
        eventCount += 1
    }

    /// The rollups in key order, ready to store under `sourceID`.
    public func rollups(sourceID: Int64) -> [DailyRollup] {
        totals.keys.sorted().map { DailyRollup(key: $0, totals: totals[$0]!, sourceID: sourceID) }
    }
}
