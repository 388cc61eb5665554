extension SourceIngestor {
    /// Keeps a recorded file's successful runs whose catalog row counts another unit, to be named once every file of the night
    /// is recorded (`settleRunsInAnotherUnit`): whether a task under a row in items gives items is known only then. Named as
    /// each file was recorded, a queue robot's log of a day its queue was empty, read before any log of the task's items
    /// (a first import, a store made again), was named as runs in another unit, exit 1, with advice that would have moved
    /// every real item of the task into mismatches (helper-130).
    func noteRunsInAnotherUnit(of display: String, format: String, rollups: [(key: RollupKey, totals: RollupTotals)]) {
        let other = rollups.filter { key, _ in
            key.outcome == .success && catalogRows.entry(for: key.taskName, system: key.family, on: key.date).map { $0.unit != key.unit } == true
        }
        if other.isEmpty { inAnotherUnit[display] = nil } else { inAnotherUnit[display] = (format, other) }
    }


    /// Names, in path order, the files whose successful runs are in another unit than their catalog row's,
    /// now that every file of the night is in the store. Whether a task gives items is asked once a night.
    func settleRunsInAnotherUnit(store: KoukaStore?, summary: inout NightlySummary) throws {
        var giving: [String: Bool] = [:]
        for display in inAnotherUnit.keys.sorted() {
            guard let (format, rollups) = inAnotherUnit[display], let reason = try Self.runsInAnotherUnit(rollups, format: format, catalogRows: &catalogRows, givesItems: { key in
                let task = "\(key.family.rawValue)\u{0}\(key.taskName)"
                if let known = giving[task] { return known }
                let gives = try store?.givesItems(family: key.family.rawValue, taskName: key.taskName) == true
                giving[task] = gives
                return gives
            }) else { continue }
            summary.runsInAnotherUnit.append(.init(path: display, reason: reason))
            logger.warning("successful runs in another unit than their catalog row's; they save nothing", metadata: ["file": "\(display)"])
        }
        inAnotherUnit = [:]
    }

    /// What the summary says of a file's successful runs whose catalog row counts another unit (a row in items for a log
    /// that gives runs, or in runs for one that gives items): they save nothing (`EffectModel.savedMinutes`), and only the
    /// reports' `unitMismatches` listed them, every job exiting 0 (helper-124: a row written in 件, read as items, left a
    /// task counted in runs at 0 h). Nil when there are none. The names are the tools', never a citizen's words.
    /// A run of a file of `format` under a row in items is none when the format's runs without items are a queue robot's
    /// that found its queue empty (`EffectModel.runsWithoutItemsAreEmptyQueues`) and the task gives items, in this file or
    /// another (`givesItems`): such a run handled none, and lost nothing.
    static func runsInAnotherUnit(_ rollups: [(key: RollupKey, totals: RollupTotals)], format: String, catalogRows: inout CatalogRows,
                                  givesItems: (RollupKey) throws -> Bool) rethrows -> String? {
        var found: [String: (runs: Int, units: Double)] = [:]
        let emptyQueues = EffectModel.runsWithoutItemsAreEmptyQueues(format: format)
        // Whether each task gives items, worked out once a task: a file holds a task's rollups of hundreds of days.
        var givingItems: [String: Bool] = [:]
        if emptyQueues { for (key, _) in rollups where key.unit == .items { givingItems["\(key.family.rawValue)\u{0}\(key.taskName)"] = true } }
        for (key, totals) in rollups where key.outcome == .success {
            guard let entry = catalogRows.entry(for: key.taskName, system: key.family, on: key.date), entry.unit != key.unit else { continue }
            if key.unit == .runs, entry.unit == .items {
                let task = "\(key.family.rawValue)\u{0}\(key.taskName)"
                if givingItems[task] == nil { givingItems[task] = try emptyQueues && givesItems(key) }
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
        return lines.joined(separator: "; ") + ": they save nothing and are listed under unitMismatches in the reports. Write the catalog row in the unit the log gives (件(実行) or runs for runs, 件 or items for items), or map the log's items column, then run kouka-nightly"
    }
}
