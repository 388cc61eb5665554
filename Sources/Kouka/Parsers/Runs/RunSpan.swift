import Foundation

/// The time from a run's start to its end, as an export's two columns give it.
enum RunSpan {
    /// The seconds from `start` to `end`. A run that ends before it starts is a clock or export error: it
    /// is rejected with both columns named, never counted as a run of 0 seconds.
    static func seconds(from start: Date, to end: Date, startColumn: String, endColumn: String) throws(RowProblem) -> Double {
        let seconds = end.timeIntervalSince(start)
        guard seconds >= 0 else {
            throw RowProblem("""
                column \(endColumn) is \(Self.amount(-seconds)) before column \(startColumn): a run cannot end before it starts; \
                check the robot's clock or the export
                """)
        }
        return seconds
    }

    /// `90 s`, or `3 h 5 min 0 s` for longer gaps, so the message shows the size of the error at a glance.
    private static func amount(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        guard whole >= 60 else { return "\(whole) s" }
        let hours = whole / 3600, minutes = whole % 3600 / 60, rest = whole % 60
        return hours > 0 ? "\(hours) h \(minutes) min \(rest) s" : "\(minutes) min \(rest) s"
    }
}
