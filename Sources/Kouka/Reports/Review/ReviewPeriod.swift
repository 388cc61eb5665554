
/// One period a review compares: its report, as `ReportBuilder` makes it, and the rollups it was built from.
package struct ReviewPeriod: Sendable {
    /// The column's heading: 令和6年度, 令和6年5月, 年度累計（4月〜5月）.
    package var label: String
    package var report: YearReport
    /// The period's rollups, as the store gives them (running totals not yet resolved).
    package var rollups: [DailyRollup]
    package var firstDay: LocalDate
    /// The last day the figures may cover: the period's end, or the last day of data if earlier (a year
    /// under way), so that a month not yet reached is not a month without a run.
    package var through: LocalDate
    /// The fiscal year, for a column that is a whole fiscal year; nil for a month or a year to date.
    package var fiscalYear: Int?

    /// The period's minutes saved by system family, unrounded (`RPAMinutesByMonth.bySystem`); nil when not known, when
    /// the report's hours, rounded to 0.01 h, stand in.
    package var minutesSaved: [String: Double]?
    /// The period's RPA minutes saved by catalog task, unrounded (`RPAMinutesByMonth.byTask`); nil when not known, when the
    /// task's lines' hours, rounded to 0.01 h, stand in.
    package var rpaMinutesByTask: [String: Double]?

    package init(label: String, report: YearReport, rollups: [DailyRollup], firstDay: LocalDate, through: LocalDate, fiscalYear: Int?,
                 minutesSaved: [String: Double]? = nil, rpaMinutesByTask: [String: Double]? = nil) {
        self.minutesSaved = minutesSaved
        self.rpaMinutesByTask = rpaMinutesByTask
        self.label = label
        self.report = report
        self.rollups = rollups
        self.firstDay = firstDay
        self.through = through
        self.fiscalYear = fiscalYear
    }
}
