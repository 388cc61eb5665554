/// One stored row: the totals of one day's events of one name, department, outcome and unit.
package struct DailyRollup: Sendable, Hashable {
    package var key: RollupKey
    package var totals: RollupTotals
    /// The ledger id of the source file the events came from.
    package var sourceID: Int64

    package init(key: RollupKey, totals: RollupTotals, sourceID: Int64) {
        self.key = key
        self.totals = totals
        self.sourceID = sourceID
    }
}
