
/// A month's hours in blocks of seven days from the 1st (1〜7日, 8〜14日, …; the last block holds what is
/// left): the same blocks every month, whatever weekday it starts on, so two months compare block by block.
enum WeekTable {
    static func lines(period: ReportPeriod, minutesByDay: [LocalDate: [SystemFamily: Double]]) -> [WeekLine]? {
        guard period.kind == "month" else { return nil }
        var lines: [WeekLine] = []
        var start = period.firstDay
        while start <= period.lastDay {
            let end = min(start.adding(days: 6), period.lastDay)
            var minutes: [SystemFamily: Double] = [:]
            for (day, byFamily) in minutesByDay where day >= start && day <= end {
                for (family, m) in byFamily { minutes[family, default: 0] += m }
            }
            // Every figure is its own unrounded sum, rounded once (see `Rounding`).
            lines.append(WeekLine(from: start.description, to: end.description,
                                  hoursSaved: Rounding.hundredths(minutes.values.reduce(0, +) / 60),
                                  bySystem: Dictionary(uniqueKeysWithValues: SystemFamily.allCases.map { ($0.rawValue, Rounding.hundredths((minutes[$0] ?? 0) / 60)) })))
            start = end.adding(days: 1)
        }
        return lines
    }
}
