/// The one rounding rule of every report: sums are kept unrounded and rounded once, to 0.01, half away
/// from zero.
public enum Rounding {
    public static let rule = "Sums are computed unrounded and rounded once to 0.01 h, half away from zero."

    public static func hundredths(_ value: Double) -> Double {
        let rounded = (value * 100).rounded(.toNearestOrAwayFromZero) / 100
        return rounded == 0 ? 0 : rounded
    }
}
