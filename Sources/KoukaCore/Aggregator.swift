/// Folds a stream of events into daily rollups, keyed by the local date on which each run started.
public struct Aggregator: Sendable {
    public let clock: LocalClock
    public let officeHours: OfficeHours
    public private(set) var totals: [RollupKey: RollupTotals] = [:]
    public private(set) var eventCount = 0

    public init(clock: LocalClock, officeHours: OfficeHours = .cityHall) {
        self.clock = clock
        self.officeHours = officeHours
    }

    public mutating func add(_ event: UsageEvent) {
        let wall = clock.wallClock(of: event.occurredAt)
        // Only chatbot answers are judged by office hours: a robot's night batch saves the same staff time.
        let offHours = event.family == .chatbot && !officeHours.contains(date: wall.date, minuteOfDay: wall.minuteOfDay)
        let key = RollupKey(
            date: wall.date, department: event.department ?? "",
            family: event.family, taskName: event.taskName, outcome: event.outcome, unit: event.unit, offHours: offHours)
        totals[key, default: RollupTotals()].add(event)
        eventCount += 1
    }

    /// The rollups in key order, ready to store under `sourceID`.
    public func rollups(sourceID: Int64) -> [DailyRollup] {
        totals.keys.sorted().map { DailyRollup(key: $0, totals: totals[$0]!, sourceID: sourceID) }
    }
}
