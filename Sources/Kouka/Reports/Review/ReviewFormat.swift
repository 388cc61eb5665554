import Foundation

/// How review figures are judged against their thresholds and written in verdict reasons.
enum ReviewFormat {
    /// Whether `value` is above `limit` by more than the binary noise of the division that gave it (a billionth of the
    /// larger) and by at least `finest`, the smallest difference `apart` shows (a rate's 0.000001 %, a yen's millionth): a
    /// rate or a cost an hour exactly at its threshold is not above it, and one above it never reads "X > X".
    static func exceeds(_ value: Double, _ limit: Double, finest: Double = 1e-8) -> Bool {
        value - limit > Swift.max(finest, 1e-9 * abs(limit))
    }

    /// Yen as given (a staff cost of 3,000.6 yen an hour is not 3,001), with at most six decimals.
    static func yenAsGiven(_ yen: Double) -> String {
        NumberText.grouped(yen, decimals: placesGiven(yen, from: 0, most: 6))
    }

    /// `value` and `limit` written with the fewest decimals, from `decimals` to `most`, that show the limit as given and
    /// tell the two apart: never "1.3% > 上限 1.3%" for 1.25 % against 1.3 % ceilings, nor "3,001 円 > 3,001 円".
    static func apart(_ value: Double, _ limit: Double, decimals: Int, most: Int) -> (String, String) {
        var places = placesGiven(limit, from: decimals, most: most)
        while places < most, Rounding.steps(value, places: places) == Rounding.steps(limit, places: places) { places += 1 }
        return (NumberText.grouped(value, decimals: places), NumberText.grouped(limit, decimals: places))
    }

    /// A rate and its threshold as percentages (from 0.1 % to 0.000001 %), apart.
    static func percentsApart(_ rate: Double, _ limit: Double) -> (String, String) {
        let (a, b) = apart(rate * 100, limit * 100, decimals: 1, most: 6)
        return (a + "%", b + "%")
    }

    /// A threshold as a percentage with the decimals it was given with (at least one): 0.0125 is 1.25%, not 1.3%.
    static func percentAsGiven(_ limit: Double) -> String {
        NumberText.grouped(limit * 100, decimals: placesGiven(limit * 100, from: 1, most: 6)) + "%"
    }

    /// The fewest decimals, from `from` to `most`, that write `value` whole.
    private static func placesGiven(_ value: Double, from: Int, most: Int) -> Int {
        var places = from
        while places < most, abs(Double(Rounding.steps(value, places: places)) - value * pow(10, Double(places))) > 1e-6 { places += 1 }
        return places
    }
}
