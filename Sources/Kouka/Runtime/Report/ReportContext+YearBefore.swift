extension ReportContext {
    /// The last day of the year before's period that `period`'s 前年同期 compares, as of `day`: the same days of the year
    /// before while `period` is under way (its days up to `day`, 365 days earlier), nil once it is over (the whole period).
    /// A year to date compared with the whole year before showed every department fallen (helper-95: 国際課 8.23 / −8.23 as
    /// of May 1, where the same days of the year before held 0.00).
    func yearBeforeThrough(_ period: ReportPeriod, asOf day: LocalDate) -> LocalDate? {
        day < period.lastDay ? min(period.yearBefore.lastDay, day.adding(days: -365)) : nil
    }

    /// `period`'s report with its departments compared with the same days of the year before, as of `day`
    /// (`yearBeforeThrough`): what kouka-report writes, and what verification compares a written report with.
    func reportComparedWithTheYearBefore(_ period: ReportPeriod, generatedAt: String, asOf day: LocalDate) throws -> YearReport {
        try report(period, generatedAt: generatedAt,
                   previous: try report(period.yearBefore, generatedAt: generatedAt, previous: nil, through: yearBeforeThrough(period, asOf: day)))
    }
}
