/// Counts each running total once. A tool that reports only a running total per period (DeepL's usage
/// count of a billing period) gives, of one period, one snapshot per file that polled it; the snapshots
/// of a period split over files (a period that crosses a month's file) are not uses to add up: the
/// largest is the latest, and it is the period's usage.
///
/// Resolved where figures are built, from every file's rollups, rather than when files are read: so the
/// figure is the same whatever order the files were read in, when a later file brings a later snapshot
/// of a period an earlier file counted, and when a file is read again, shrinks or is gone.
public enum RunningTotals {
    /// `rollups` with, of the cumulative ones (`RollupKey.cumulative`), only one per key: the largest
    /// quantity, and of equal ones the lowest source id (so the choice does not depend on order). Other
    /// rollups pass unchanged, in their order; the kept running totals follow them.
    public static func latest(_ rollups: [DailyRollup]) -> [DailyRollup] {
        var kept: [RollupKey: DailyRollup] = [:]
        var others: [DailyRollup] = []
        others.reserveCapacity(rollups.count)
        for rollup in rollups {
            guard rollup.key.cumulative else {
                others.append(rollup)
                continue
            }
            if let held = kept[rollup.key],
               (held.totals.quantity, -held.sourceID) >= (rollup.totals.quantity, -rollup.sourceID) { continue }
            kept[rollup.key] = rollup
        }
        return others + kept.values.sorted { ($0.key, $0.sourceID) < ($1.key, $1.sourceID) }
    }
}
