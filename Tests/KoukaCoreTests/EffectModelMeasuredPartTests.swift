import Kouka
import Testing

/// `EffectModel.measuredMinutes`: the part of the saving that rests on person-time the logs measured,
/// which reports separate from the estimate (推計).
struct EffectModelMeasuredPartTests {
    @Test func onlyMeasuredUnitsOfSuccessesAreMeasured() {
        let entry = EffectModelTests.entry(manual: 10, residual: 2)
        // 10 units, 4 measured at 240 s in all: measured part 4 × 10 − 4 = 36 of the 84 saved; the estimate is 48.
        let totals = EffectModelTests.totals(events: 10, quantity: 10, human: 240, humanQuantity: 4)
        #expect(EffectModel.measuredMinutes(outcome: .success, unit: .runs, totals: totals, entry: entry) == 36)
        #expect(EffectModel.measuredMinutes(outcome: .success, unit: .runs, totals: EffectModelTests.totals(events: 3, quantity: 3), entry: entry) == 0)
        #expect(EffectModel.measuredMinutes(outcome: .failure, unit: .runs, totals: totals, entry: entry) == 0)
        #expect(EffectModel.measuredMinutes(outcome: .success, unit: .items, totals: totals, entry: entry) == 0, "a unit mismatch counts nothing")
    }

    @Test func translationIsMeasuredPerThousandCharacters() {
        let entry = EffectModelTests.entry(.characters, manual: 60, residual: 10)
        // 3,000 characters with 12 minutes of post-editing measured: 3 × 60 − 12 = 168.
        let totals = EffectModelTests.totals(events: 1, quantity: 3000, human: 720, humanQuantity: 3000)
        #expect(EffectModel.measuredMinutes(outcome: .success, unit: .characters, totals: totals, entry: entry) == 168)
        #expect(EffectModel.savedMinutes(outcome: .success, unit: .characters, totals: totals, entry: entry) == 168)
    }
}
