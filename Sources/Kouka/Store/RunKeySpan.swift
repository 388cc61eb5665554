
/// The span class of a run-key set: the smallest `c` with `last_day - first_day < 2^c` days. Sets that
/// overlap a range of days are found class by class through the index (span_class, first_day): a set of
/// class `c` that overlaps the range starts at most `2^c - 1` days before it, so each class is one bounded
/// range of the index, never a scan of every set that started earlier (all of them, in a city's history).
enum RunKeySpan {
    /// Classes 0 to 22 cover every span of four-digit years (under 3,660,000 days).
    static let classes = 0...22

    static func spanClass(of days: ClosedRange<LocalDate>) -> Int {
        let span = days.upperBound.daysSinceEpoch - days.lowerBound.daysSinceEpoch
        return classes.first { span < 1 << $0 } ?? classes.upperBound
    }

    /// The earliest first day a set of class `c` overlapping a range from `first` can have.
    static func earliestStart(ofClass c: Int, overlapping first: LocalDate) -> LocalDate {
        first.adding(days: -((1 << c) - 1))
    }

    /// The class of a set as SQL, for the migration that adds the column to sets written before.
    static let spanClassSQL: String = {
        let span = "CAST(julianday(last_day) - julianday(first_day) AS INTEGER)"
        let cases = classes.dropLast().map { "WHEN \(span) < \(1 << $0) THEN \($0)" }.joined(separator: " ")
        return "CASE \(cases) ELSE \(classes.upperBound) END"
    }()
}

extension RunKeySpan {
    /// `date` as the text lower bound of a range of days: dates before year 1000 have fewer than four digits
    /// and would not sort before the store's, so they bound from the start of the calendar.
    static func bound(_ date: LocalDate) -> String {
        date.year < 1000 ? "0000-01-01" : date.description
    }
}
