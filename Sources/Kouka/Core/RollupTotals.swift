/// The sums a daily rollup keeps; enough to apply any baseline later.
public struct RollupTotals: Sendable, Hashable {
    /// Runs or uses folded in.
    public var events: Int = 0
    /// Units of work (runs, items, sheets, audio minutes, inquiries, characters).
    public var quantity: Double = 0
    /// Seconds the machine worked, from the events that recorded them.
    public var machineSeconds: Double = 0
    /// Person-seconds (checking, editing) the logs measured.
    public var humanSeconds: Double = 0
    /// The quantity of the events that measured person-time: those units' residual time is ``humanSeconds``,
    /// not the catalog's estimate.
    public var humanMeasuredQuantity: Double = 0
    /// The quality counts of the events that had them (`QualityMeasure`); a measure no event had is absent.
    package var quality: [QualityMeasure: Double] = [:]

    /// Empty totals, to add events to.
    public init() {}

    /// Totals as stated.
    public init(events: Int, quantity: Double, machineSeconds: Double, humanSeconds: Double, humanMeasuredQuantity: Double) {
        self.events = events
        self.quantity = quantity
        self.machineSeconds = machineSeconds
        self.humanSeconds = humanSeconds
        self.humanMeasuredQuantity = humanMeasuredQuantity
    }

    package mutating func add(_ event: UsageEvent) {
        if event.countsAsRun { events += 1 }
        quantity += event.quantity
        machineSeconds += event.machineSeconds ?? 0
        if let human = event.humanSeconds {
            humanSeconds += human
            humanMeasuredQuantity += event.quantity
        }
        if !event.quality.isEmpty { addQuality(event.quality) }
        if event.quantity == 0, event.outcome == .success, event.family.isAI { quality[.emptyUses, default: 0] += 1 }
    }

    package mutating func add(_ other: RollupTotals) {
        events += other.events
        quantity += other.quantity
        machineSeconds += other.machineSeconds
        humanSeconds += other.humanSeconds
        humanMeasuredQuantity += other.humanMeasuredQuantity
        if !other.quality.isEmpty { addQuality(other.quality) }
    }

    private mutating func addQuality(_ counts: [QualityMeasure: Double]) {
        for (measure, value) in counts { quality[measure, default: 0] += value }
    }
}
