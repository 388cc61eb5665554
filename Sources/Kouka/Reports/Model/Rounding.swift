import Foundation

/// The one rounding rule of every report: every figure is summed unrounded and rounded once, to 0.01 h (yen
/// to the yen), half away from zero, in decimal (as Excel's ROUND does). Each figure is then exactly what an
/// auditor gets rounding its own sum; the lines of a table of n lines may differ from its total by up to
/// n × 0.005, which the rule states.
package enum Rounding {
    package static let rule = "各数値（合計も各行も）は端数処理せずに計算した値を、最後に1回だけ 0.01 時間単位で四捨五入する（十進数で half away from zero、Excel の ROUND と同じ。金額は円単位）。そのため n 行の表では、表示された各行の和と合計が最大 n × 0.005 時間ずれることがある（例: 0.006 時間の5課は各 0.01、合計は 0.03）。"

    /// `value` rounded to 0.01, half away from zero, as a decimal number: 60.3 min = 1.005 h gives 1.01,
    /// although the binary double nearest 1.005 is a little below it.
    package static func hundredths(_ value: Double) -> Double {
        Double(steps(value, places: 2)) / 100
    }

    /// `value` rounded to the yen, half away from zero, in decimal.
    package static func yen(_ value: Double) -> Double {
        Double(steps(value, places: 0))
    }

    /// `value` in steps of 10^-places, half away from zero, in decimal: what every printed figure shows (`NumberText`).
    package static func steps(_ value: Double, places: Int) -> Int {
        var exact = decimal(value) * pow(10, places)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return Int(NSDecimalNumber(decimal: rounded).int64Value)
    }

    /// The value as the decimal it stands for: sums of minutes carry binary noise far below a millionth of an
    /// hour (3.6 ms), so six places keep every digit a log or catalog gave and drop the noise.
    private static func decimal(_ value: Double) -> Decimal {
        guard value.isFinite else { return 0 }
        return Decimal(string: String(format: "%.6f", value), locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }
}
