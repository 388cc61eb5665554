/// The one rounding rule of every report: sums are kept unrounded and rounded once, to 0.01, half away
/// from zero.
public enum Rounding {
    public static let rule = "合計は端数処理せずに計算し、最後に1回だけ 0.01 時間単位で四捨五入する（half away from zero）。各行と合計はそれぞれ未丸めの値から丸めるため、行の和と合計が 0.01 時間ずれることがある。"

    public static func hundredths(_ value: Double) -> Double {
        let rounded = (value * 100).rounded(.toNearestOrAwayFromZero) / 100
        return rounded == 0 ? 0 : rounded
    }
}
