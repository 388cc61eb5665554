/// Counts each running total once. A tool that reports only a running total per period (DeepL's usage
/// count of a billing period) gives, of one period, one snapshot per file that polled it; the snapshots
/// of a period split over files (a period that crosses a month's file) are not uses to add up: the
/// largest is the latest, and it is the period's usage.
///
/// A tool that answers no period (DeepL Free and Pro Classic) gives a running total as of each day it was
/// polled (`RollupKey.undatedPeriod`): one series per task, of which a count smaller than the day before's
/// (the counter was reset) starts a new period. A period counts its last (largest) total, dated at the first
/// day it was seen, as the periods whose start is known are dated at their start.
///
/// Resolved where figures are built, from every file's rollups, rather than when files are read: so the
/// figure is the same whatever order the files were read in, when a later file brings a later snapshot
/// of a period an earlier file counted, and when a file is read again, shrinks or is gone.
package enum RunningTotals {
    /// `rollups` with, of the cumulative ones (`RollupKey.cumulative`), only one per key: the largest
    /// quantity, and of equal ones the lowest source id (so the choice does not depend on order). Other
    /// rollups pass unchanged, in their order; the kept running totals follow them.
    package static func latest(_ rollups: [DailyRollup]) -> [DailyRollup] {
        var kept: [RollupKey: DailyRollup] = [:]
        var others: [DailyRollup] = [], undated: [DailyRollup] = []
        others.reserveCapacity(rollups.count)
        for rollup in rollups {
            if rollup.key.undatedPeriod {
                undated.append(rollup)
                continue
            }
            guard rollup.key.cumulative else {
                others.append(rollup)
                continue
            }
            if let held = kept[rollup.key],
               (held.totals.quantity, -held.sourceID) >= (rollup.totals.quantity, -rollup.sourceID) { continue }
            kept[rollup.key] = rollup
        }
        for period in periods(undated) { kept[period.key] = period }
        return others + kept.values.sorted { ($0.key, $0.sourceID) < ($1.key, $1.sourceID) }
    }

    /// The periods of undated running totals: of each day the largest (one poll saved in two files counts once),
    /// then per series a new period wherever the total falls.
    static func periods(_ snapshots: [DailyRollup]) -> [DailyRollup] {
        var days: [RollupKey: DailyRollup] = [:]
        for rollup in snapshots {
            if let held = days[rollup.key], (held.totals.quantity, -held.sourceID) >= (rollup.totals.quantity, -rollup.sourceID) { continue }
            days[rollup.key] = rollup
        }
        let series = Dictionary(grouping: days.values) { rollup -> RollupKey in
            var key = rollup.key
            key.date = LocalDate(daysSinceEpoch: 0)
            return key
        }
        var result: [DailyRollup] = []
        for (_, snapshots) in series {
            var start: LocalDate? = nil, last: DailyRollup? = nil
            for snapshot in snapshots.sorted(by: { $0.key.date < $1.key.date }) {
                if let held = last, snapshot.totals.quantity < held.totals.quantity, let first = start {
                    var period = held
                    period.key.date = first
                    result.append(period)
                    start = nil
                }
                if start == nil { start = snapshot.key.date }
                last = snapshot
            }
            if var period = last, let first = start {
                period.key.date = first
                result.append(period)
            }
        }
        return result
    }
}
