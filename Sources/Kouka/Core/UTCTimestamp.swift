import Foundation

/// Instants as ISO 8601 UTC text (`2026-12-01T20:25:42Z`, or `2026-12-01T20:25:42.318Z`), the same text
/// `ISO8601DateFormatter` writes, without one: making a formatter loads time-zone data, which cost a
/// no-op nightly run a tenth of its time, and the log handler stamps every line.
package enum UTCTimestamp {
    package static func string(from instant: Date, milliseconds: Bool = false) -> String {
        let totalMilliseconds = Int((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMilliseconds) = totalMilliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, ms) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
        let date = LocalDate(daysSinceEpoch: day)
        let seconds = ms / 1000
        var text = "\(date)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if milliseconds {
            let fraction = ms % 1000
            text += fraction < 10 ? ".00\(fraction)" : fraction < 100 ? ".0\(fraction)" : ".\(fraction)"
        }
        return text + "Z"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
