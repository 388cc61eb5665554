import Foundation
import Kouka
import Testing

/// `EffectModel`: minutes saved by a rollup's totals under a catalog row.
struct EffectModelTests {
    static func entry(_ unit: EffectUnit = .runs, manual: Double, residual: Double, rework: Double = 0) -> CatalogEntry {
        CatalogEntry(taskID: "T", name: "T", department: "市民課", system: unit == .characters ? .translation : .rpa,
                     unit: unit, manualMinutesPerUnit: manual, residualMinutesPerUnit: residual,
                     reworkMinutesPerFailure: rework, validFrom: LocalDate(year: 2022, month: 4, day: 1), patterns: ["T"])
    }

    static func totals(events: Int, quantity: Double, human: Double = 0, humanQuantity: Double = 0) -> RollupTotals {
        RollupTotals(events: events, quantity: quantity, machineSeconds: 999, humanSeconds: human, humanMeasuredQuantity: humanQuantity)
    }

    @Test func successSavesUnitsTimesManualMinusResidual() {
        // 3 runs × (10 − 2) = 24 minutes.
        let saved = EffectModel.savedMinutes(outcome: .success, unit: .runs, totals: Self.totals(events: 3, quantity: 3),
                                             entry: Self.entry(manual: 10, residual: 2))
        #expect(saved == 24)
        // 50 items in 2 runs × (3 − 0.5) = 125 minutes: the unit is the item, not the run.
        let items = EffectModel.savedMinutes(outcome: .success, unit: .items, totals: Self.totals(events: 2, quantity: 50),
                                             entry: Self.entry(.items, manual: 3, residual: 0.5))
        #expect(items == 125)
    }

    @Test func measuredHumanTimeReplacesTheResidualEstimate() {
        // 10 units, 4 of them with a measured 240 s (1 minute each) of checking:
        // 6 estimated × (10 − 2) = 48, plus 4 measured × 10 − 4 = 36: 84 minutes.
        let saved = EffectModel.savedMinutes(outcome: .success, unit: .runs,
                                             totals: Self.totals(events: 10, quantity: 10, human: 240, humanQuantity: 4),
                                             entry: Self.entry(manual: 10, residual: 2))
        #expect(saved == 84)
        // Every unit measured at 5 minutes against a residual estimate of 2: 3 × (10 − 5) = 15, not 3 × 8.
        let slow = EffectModel.savedMinutes(outcome: .success, unit: .runs,
                                            totals: Self.totals(events: 3, quantity: 3, human: 900, humanQuantity: 3),
                                            entry: Self.entry(manual: 10, residual: 2))
        #expect(slow == 15)
    }

    @Test func measuredTimeFromEventsFoldsIntoTheSameResult() {
        // The same 84 minutes as above, reached through events folded by RollupTotals.add.
        var totals = RollupTotals()
        let at = Date(timeIntervalSince1970: 1_711_929_600)
        for i in 0..<10 {
            totals.add(UsageEvent(family: .rpa, occurredAt: at, taskName: "T", outcome: .success, quantity: 1, unit: .runs,
                                  humanSeconds: i < 4 ? 60 : nil, source: SourceLocation(file: "f", line: i + 1)))
        }
        #expect(totals.humanMeasuredQuantity == 4)
        #expect(totals.humanSeconds == 240)
        #expect(EffectModel.savedMinutes(outcome: .success, unit: .runs, totals: totals, entry: Self.entry(manual: 10, residual: 2)) == 84)
    }

    @Test func failuresCostTheirReworkAndSaveNothing() {
        // 4 failed runs × 15 minutes of rework = −60.
        let cost = EffectModel.savedMinutes(outcome: .failure, unit: .runs, totals: Self.totals(events: 4, quantity: 4),
                                            entry: Self.entry(manual: 10, residual: 2, rework: 15))
        #expect(cost == -60)
        let free = EffectModel.savedMinutes(outcome: .failure, unit: .runs, totals: Self.totals(events: 4, quantity: 4),
                                            entry: Self.entry(manual: 10, residual: 2))
        #expect(free == 0)
    }

    /// Issue 13 item 8: rework is charged per failure in the row's unit.
    @Test func reworkIsPerFailedItemOnAnItemsRowAndPerFailedRunOnARunsRow() {
        // Items row, 5 min of rework a failure: 30 failed items (in 2 events) × 5 = −150, not 2 × 5.
        let items = EffectModel.savedMinutes(outcome: .failure, unit: .items, totals: Self.totals(events: 2, quantity: 30),
                                             entry: Self.entry(.items, manual: 10, residual: 2, rework: 5))
        #expect(items == -150)
        // A run that never finished, with 3 failed items, on the same row: 3 × 5 = −15.
        let unfinished = EffectModel.savedMinutes(outcome: .unfinished, unit: .items, totals: Self.totals(events: 1, quantity: 3),
                                                  entry: Self.entry(.items, manual: 10, residual: 2, rework: 5))
        #expect(unfinished == -15)
        // Runs row: 2 failed runs × 5 = −10.
        let runs = EffectModel.savedMinutes(outcome: .failure, unit: .runs, totals: Self.totals(events: 2, quantity: 2),
                                            entry: Self.entry(.runs, manual: 10, residual: 2, rework: 5))
        #expect(runs == -10)
        // A robot's failed queue items under a row in runs are no failed run: 0, not 1 × 5.
        let itemsUnderRuns = EffectModel.savedMinutes(outcome: .failure, unit: .items, totals: Self.totals(events: 1, quantity: 4),
                                                      entry: Self.entry(.runs, manual: 10, residual: 2, rework: 5))
        #expect(itemsUnderRuns == 0)
        // A failed run under a row in items is charged through its failed items, not once more as a run: 0.
        let runUnderItems = EffectModel.savedMinutes(outcome: .failure, unit: .runs, totals: Self.totals(events: 1, quantity: 1),
                                                     entry: Self.entry(.items, manual: 10, residual: 2, rework: 5))
        #expect(runUnderItems == 0)
    }

    @Test func cancelledRunsNeitherSaveNorCost() {
        let saved = EffectModel.savedMinutes(outcome: .cancelled, unit: .runs, totals: Self.totals(events: 7, quantity: 7),
                                             entry: Self.entry(manual: 10, residual: 2, rework: 15))
        #expect(saved == 0)
    }

    @Test func aSuccessInAnotherUnitThanTheCatalogsIsNotGuessed() {
        let saved = EffectModel.savedMinutes(outcome: .success, unit: .items, totals: Self.totals(events: 1, quantity: 40),
                                             entry: Self.entry(.runs, manual: 10, residual: 2))
        #expect(saved == nil)
        let runsAgainstItems = EffectModel.savedMinutes(outcome: .success, unit: .runs, totals: Self.totals(events: 1, quantity: 1),
                                                        entry: Self.entry(.items, manual: 10, residual: 2))
        #expect(runsAgainstItems == nil)
    }

    @Test func charactersAreCountedPerThousand() {
        // 12,500 characters = 12.5 units × (30 − 6) = 300 minutes.
        let saved = EffectModel.savedMinutes(outcome: .success, unit: .characters, totals: Self.totals(events: 5, quantity: 12_500),
                                             entry: Self.entry(.characters, manual: 30, residual: 6))
        #expect(saved == 300)
        // 2,500 of them post-edited in a measured 300 s: 10 × 24 = 240, plus 2.5 × 30 − 5 = 70: 310.
        let measured = EffectModel.savedMinutes(outcome: .success, unit: .characters,
                                                totals: Self.totals(events: 5, quantity: 12_500, human: 300, humanQuantity: 2_500),
                                                entry: Self.entry(.characters, manual: 30, residual: 6))
        #expect(measured == 310)
        #expect(EffectUnit.characters.quantityPerCatalogUnit == 1000)
        #expect(EffectUnit.sheets.quantityPerCatalogUnit == 1)
    }
}
