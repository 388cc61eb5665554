/// One stored row: the totals of one day's events of one name, department, outcome and unit.
public struct DailyRollup: Sendable, Hashable {
    public var key: RollupKey
    public var totals: RollupTotals
    /// The ledger id of the source file the events came from.
    public var sourceID: Int64

    public init(key: RollupKey, totals: RollupTotals, sourceID: Int64) {
        self.key = key
        self.totals = totals
        self.sourceID = sourceID
    }
}
