extension SourceIngestor {
    /// What the summary says of a file's successful runs whose catalog row counts another unit (a row in items for a log
    /// that gives runs, or in runs for one that gives items): they save nothing (`EffectModel.savedMinutes`), and only the
    /// reports' `unitMismatches` listed them, every job exiting 0 (helper-124: a row written in 件, read as items, left a
    /// task counted in runs at 0 h). Nil when there are none. The names are the tools', never a citizen's words.
    /// A run under a row in items is one only when the task gives no item anywhere, in this file or another (`givesItems`):
    /// a queue robot's run that found its queue empty handled none, and lost nothing.
    static func runsInAnotherUnit(_ rollups: [(key: RollupKey, totals: RollupTotals)], catalogRows: inout CatalogRows,
                                  givesItems: (RollupKey) throws -> Bool) rethrows -> String? {
        var found: [String: (runs: Int, units: Double)] = [:]
        // Whether each task gives items, worked out once a task: a file holds a task's rollups of hundreds of days.
        var givingItems: [String: Bool] = [:]
        for (key, _) in rollups where key.unit == .items { givingItems["\(key.family.rawValue)\u{0}\(key.taskName)"] = true }
        for (key, totals) in rollups where key.outcome == .success {
            guard let entry = catalogRows.entry(for: key.taskName, system: key.family, on: key.date), entry.unit != key.unit else { continue }
            if key.unit == .runs, entry.unit == .items {
                let task = "\(key.family.rawValue)\u{0}\(key.taskName)"
                if givingItems[task] == nil { givingItems[task] = try givesItems(key) }
                if givingItems[task]! { continue }
            }
            let what = "\(entry.taskID) \(key.taskName): the log gives \(key.unit.rawValue), the catalog row of \(entry.validFrom) counts \(entry.unit.rawValue)"
            found[what, default: (0, 0)].runs += totals.events
            found[what, default: (0, 0)].units += totals.quantity
        }
        guard !found.isEmpty else { return nil }
        let lines = found.sorted { $0.key < $1.key }.map { what, sums in
            "\(sums.runs) successful run(s) (\(NumberText.given(sums.units)) units) of \(what)"
        }
        return lines.joined(separator: "; ") + ": they save nothing and are listed under unitMismatches in every report. Write the catalog row in the unit the log gives (件(実行) or runs for runs, 件 or items for items), or map the log's items column, then run kouka-nightly"
    }
}
