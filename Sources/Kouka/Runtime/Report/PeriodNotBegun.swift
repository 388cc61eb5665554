/// A month none of whose days is complete in the store (it begins after the store's last complete day): its
/// report would state 0 h for days not yet lived, compare them with a year-before period that ends before it begins, and
/// charge a licence month not begun (helper-125: `--month 2024-12` made on 2024-12-01 exited 0 so). Refused (64), as a
/// report that cannot be right for that day.
package struct PeriodNotBegun: Error, Sendable, Equatable, CustomStringConvertible {
    package var period: String
    package var firstDay: LocalDate
    package var asOf: LocalDate
    /// The sources the last nightly run found no file at while the store counts files of theirs (`SourcesUnread`): what
    /// holds the last complete day back, when any does.
    package var sourcesUnread: [String]

    package init(period: String, firstDay: LocalDate, asOf: LocalDate, sourcesUnread: [String] = []) {
        self.period = period
        self.firstDay = firstDay
        self.asOf = asOf
        self.sourcesUnread = sourcesUnread
    }

    package var description: String {
        guard sourcesUnread.isEmpty else {
            // The day is over and the nightly runs read it, but not every source (helper-169 #3: "days not yet lived").
            return "\(period) begins on \(firstDay), after the store's last complete day (\(asOf)), which is held back because the nightly runs since found no file at \(sourcesUnread.joined(separator: ", ")), whose files the store counts: mount the share (or fix the path) and run kouka-nightly, or take a retired source out of kouka.toml, then make this report"
        }
        return "\(period) begins on \(firstDay), after the store's last complete day (\(asOf)): a report of it would state days not yet lived. Make it once \(firstDay) is over and kouka-nightly has read it (the packaged timer makes a month's report on the first day of the next month, of that month)"
    }
}
