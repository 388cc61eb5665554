/// One stored row: the totals of one day's events of one name, department, outcome and unit.
public struct DailyRollup: Sendable, Hashable {
    /// What the events were grouped by: day, department, system, log name, outcome and unit.
    public var key: RollupKey
    /// The sums of the events with that key.
    public var totals: RollupTotals
    /// The ledger id of the source file the events came from.
    public var sourceID: Int64

    /// A rollup of `totals` under `key`, from the source file `sourceID`.
    public init(key: RollupKey, totals: RollupTotals, sourceID: Int64) {
        self.key = key
        self.totals = totals
        self.sourceID = sourceID
    }
}
