/// Turns rollup totals and a catalog row into minutes saved.
///
/// Per unit: saved = manual − residual, where a log that measured the person's time replaces the
/// residual estimate with that time. Failures, and runs that never finished, save nothing and cost the
/// row's rework minutes per failure in the row's unit: per failed item when the row is in items, per
/// failed run (job, use) otherwise. Cancelled runs neither save nor cost.
package enum EffectModel {
    /// Minutes saved by `totals` under `entry`; nil when a success is counted in a different unit from
    /// the catalog row's (items against runs), which a report must list rather than guess at.
    package static func savedMinutes(outcome: Outcome, unit: EffectUnit, totals: RollupTotals, entry: CatalogEntry) -> Double? {
        switch outcome {
        case .cancelled:
            return 0
        case .failure, .unfinished:
            // A failure in another unit is not one of the row's failures: a robot's failed queue items under
            // a row in runs (the run itself ended normally), or a failed run under a row in items, which is
            // charged through its failed items.
            return -Double(failures(unit: unit, totals: totals, entry: entry)) * entry.reworkMinutesPerFailure
        case .success:
            guard unit == entry.unit else { return nil }
            let scale = unit.quantityPerCatalogUnit
            let estimatedUnits = (totals.quantity - totals.humanMeasuredQuantity) / scale
            let measuredUnits = totals.humanMeasuredQuantity / scale
            return estimatedUnits * entry.savedMinutesPerUnit
                + measuredUnits * entry.manualMinutesPerUnit - totals.humanSeconds / 60
        }
    }

    /// The failures `totals` are under `entry`, in the row's unit — what its rework minutes are charged on and
    /// what a report's task line counts: failed items on a row in items, failed runs (jobs, uses) otherwise,
    /// and none for failures in another unit than the row's.
    package static func failures(unit: EffectUnit, totals: RollupTotals, entry: CatalogEntry) -> Int {
        guard unit == entry.unit else { return 0 }
        return unit == .items ? Int(totals.quantity.rounded()) : totals.events
    }

    /// The part of `savedMinutes` that rests on person-time the logs measured; the rest is an estimate from
    /// counts and the catalog alone. Measured time counts here even when its job handled no unit (a job of 0
    /// sheets whose checking still took 1.5 minutes is −1.5 measured minutes, not an estimate).
    package static func measuredMinutes(outcome: Outcome, unit: EffectUnit, totals: RollupTotals, entry: CatalogEntry) -> Double {
        guard outcome == .success, unit == entry.unit, totals.humanMeasuredQuantity > 0 || totals.humanSeconds != 0 else { return 0 }
        return totals.humanMeasuredQuantity / unit.quantityPerCatalogUnit * entry.manualMinutesPerUnit - totals.humanSeconds / 60
    }

    /// Whether a successful run without items in a file of `format` is a queue robot's run that found its queue empty (a UiPath
    /// log's run without transactions): under a row in items it saved nothing and lost nothing, where the task gives items. A
    /// run of another format gives no items because its source maps none (a robot moved to another tool, an export without
    /// 処理件数): under a row in items it is a run in another unit, whatever other files give (helper-134).
    package static func runsWithoutItemsAreEmptyQueues(format: String) -> Bool { format == "uipath-execution-log" }
}
