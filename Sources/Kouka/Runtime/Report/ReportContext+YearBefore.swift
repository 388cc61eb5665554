extension ReportContext {
    /// The last day of the year before's period that `period`'s 前年同期 compares, as of `day`: the same days of the year
    /// before while `period` is under way — through the same date a year earlier as the last day its figures hold, `day`
    /// or a later one the store already holds runs of (a robot's runs after midnight, read by the night run before the
    /// report) — and nil once it is over (the whole period). A year to date compared with the whole year before showed every
    /// department fallen (helper-95: 国際課 8.23 / −8.23 as of May 1, where the same days of the year before held 0.00).
    func yearBeforeThrough(_ period: ReportPeriod, asOf day: LocalDate) throws -> LocalDate? {
        let held = try rollups(from: period.firstDay, to: period.lastDay).lazy.map(\.key.date).max()
        let through = max(day, held ?? day)
        return through < period.lastDay ? min(period.yearBefore.lastDay, through.sameDayAYearEarlier) : nil
    }

    /// `period`'s report with its departments compared with the same days of the year before, as of `day`
    /// (`yearBeforeThrough`), which it states: what kouka-report writes, and what verification compares a written report with.
    func reportComparedWithTheYearBefore(_ period: ReportPeriod, generatedAt: String, asOf day: LocalDate) throws -> YearReport {
        try reportComparedWithTheYearBefore(period, generatedAt: generatedAt, through: try yearBeforeThrough(period, asOf: day))
    }

    /// `period`'s report with its departments compared with the year before's period through `through` (the whole when nil).
    func reportComparedWithTheYearBefore(_ period: ReportPeriod, generatedAt: String, through: LocalDate?) throws -> YearReport {
        var report = try report(period, generatedAt: generatedAt,
                                previous: try report(period.yearBefore, generatedAt: generatedAt, previous: nil, through: through))
        report.previousYearThrough = through?.description
        return report
    }
}
