/// A year's rollups in the order a report adds them up: by key (`RollupKey.<`), then by source file. The
/// order is what makes a figure's last bits the same whatever order the store returned its rows in.
///
/// Sorting 300,000 rollups by comparing their keys compared the same department and task names millions of
/// times; each name is ranked once here instead, and the rollups are sorted by those ranks. The order is
/// exactly that of `(key, sourceID) <` with ties kept in their given order (`RollupOrderTests`).
enum RollupOrder {
    /// `rollups` sorted by `(key, sourceID)`, stably.
    static func sorted(_ rollups: [DailyRollup]) -> [DailyRollup] {
        // Names are ranked by `String.<`, as `RollupKey.<` compares them; names that are equal as Strings
        // (canonically equivalent) share a rank, as they tie there.
        var departments = CanonicalNames(), tasks = CanonicalNames()
        let numbers = rollups.map { (department: departments.number(of: $0.key.department), task: tasks.number(of: $0.key.taskName)) }
        let departmentRanks = departments.ranks(), taskRanks = tasks.ranks()
        let families = SystemFamily.declared, outcomes = Outcome.declared, units = EffectUnit.declared
        let keys = rollups.indices.map { index -> (Int, Int, UInt64, Int64) in
            let rollup = rollups[index], key = rollup.key
            // Family, task, outcome, unit and the three flags, in `RollupKey.<`'s order of fields.
            let rest = UInt64(families.firstIndex(of: key.family)!) << 56 | UInt64(taskRanks[numbers[index].task]) << 24
                | UInt64(outcomes.firstIndex(of: key.outcome)!) << 16 | UInt64(units.firstIndex(of: key.unit)!) << 8
                | (key.offHours ? 4 : 0) | (key.cumulative ? 2 : 0) | (key.undatedPeriod ? 1 : 0)
            return (key.date.daysSinceEpoch, departmentRanks[numbers[index].department], rest, rollup.sourceID)
        }
        let order = rollups.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : a < b
        }
        return order.map { rollups[$0] }
    }
}
