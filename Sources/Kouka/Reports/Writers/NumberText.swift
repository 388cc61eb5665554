/// Locale-independent number text for reports: thousands separators and fixed decimals, so the same
/// figure prints the same bytes on every server.
enum NumberText {
    /// `1234.5` → `1,234.50`; rounded by the reports' one rule (`Rounding`: half away from zero, in decimal), so that a
    /// figure printed unrounded (a review's rate, a quantity) shows what the workbook's cell shows: 1.005 is `1.01`, though
    /// the binary double nearest it is below (helper-109 #3).
    static func grouped(_ value: Double, decimals: Int = 2) -> String {
        // Beyond what Int64 holds at this scale a figure is already absurd; print it plainly rather than trap.
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let scale = decimals == 0 ? 1.0 : (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = Int64(Rounding.steps(abs(value), places: decimals))
        let whole = scaled / Int64(scale)
        let fraction = scaled % Int64(scale)
        var digits = String(whole)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let fractionText = decimals == 0 ? "" : "." + String(repeating: "0", count: decimals - String(fraction).count) + String(fraction)
        return sign + groups.joined(separator: ",") + fractionText
    }

    /// Plain decimal for CSV cells that Excel reads as numbers: `1234.5` → `1234.50`.
    static func plain(_ value: Double, decimals: Int = 2) -> String {
        grouped(value, decimals: decimals).replacingOccurrences(of: ",", with: "")
    }

    /// A value as exact as it was given, with at least two decimals: a catalog baseline of `0.333` minutes prints
    /// `0.333`, not `0.33`, so that the hours a printed report's appendix gives by hand are the report's own (`60` → `60.00`).
    /// Six places at most, as `Rounding` reads a figure: every digit a catalog gives, none of a difference's binary noise.
    static func given(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return grouped(value) }
        let parts = String(format: "%.6f", abs(value)).split(separator: ".")
        var fraction = parts[1]
        while fraction.count > 2 && fraction.last == "0" { fraction.removeLast() }
        guard fraction.count > 2, let whole = Double(parts[0]) else { return grouped(value) }
        return (value < 0 ? "-" : "") + grouped(whole, decimals: 0) + "." + fraction
    }

    /// `given` without separators, for CSV cells that Excel reads as numbers.
    static func givenPlain(_ value: Double) -> String {
        given(value).replacingOccurrences(of: ",", with: "")
    }

    /// A whole count with separators.
    static func count(_ value: Int) -> String { grouped(Double(value), decimals: 0) }

    /// A quantity: whole when it is whole, else two decimals.
    static func quantity(_ value: Double) -> String {
        value == value.rounded() ? grouped(value, decimals: 0) : grouped(value)
    }
}
