extension ReportContext {
    /// The last day of the year before's period that `period`'s 前年同期 compares, as of `day`, the last complete day: while
    /// `period` is under way, the same date a year earlier (February 29 gives February 28), so that the year before holds the
    /// same complete days; nil once it is over (the whole period). A year to date compared with the whole year before showed
    /// every department fallen (helper-95: 国際課 8.23 / −8.23 as of May 1, where the same days of the year before held 0.00);
    /// 365 days back took in a day more after a February 29 (helper-96). The day depends on `day` alone, so verification holds
    /// a written report's stated day to the day it states its figures as of (helper-97: a forged one passed).
    func yearBeforeThrough(_ period: ReportPeriod, asOf day: LocalDate) -> LocalDate? {
        day < period.lastDay ? min(period.yearBefore.lastDay, day.sameDayAYearEarlier) : nil
    }

    /// `period`'s report with its departments compared with the same days of the year before, as of `day`
    /// (`yearBeforeThrough`), which it states: what kouka-report writes, and what verification compares a written report with.
    func reportComparedWithTheYearBefore(_ period: ReportPeriod, generatedAt: String, asOf day: LocalDate) throws -> YearReport {
        let through = yearBeforeThrough(period, asOf: day)
        // Compared whenever the store counts a day on or before the year before's first, even when none of its departments
        // saved an hour then: a month whose year before had no runs at all said — in each line, where the same month with one
        // other department's run said 0.00 (helper-181 #2). A store begun within the year before does not cover it whole
        // (helper-186 #3): not compared with 0.00.
        let covered = try store.firstCountedDay().map { $0 <= period.yearBefore.firstDay } ?? false
        var report = try report(period, generatedAt: generatedAt,
                                previous: try report(period.yearBefore, generatedAt: generatedAt, previous: nil, through: through), previousCovered: covered)
        report.previousYearThrough = through?.description
        return report
    }
}
