import KoukaCore

/// One period a review compares: its report, as `ReportBuilder` makes it, and the rollups it was built from.
public struct ReviewPeriod: Sendable {
    /// The column's heading: 令和6年度, 令和6年5月, 年度累計（4月〜5月）.
    public var label: String
    public var report: YearReport
    /// The period's rollups, as the store gives them (running totals not yet resolved).
    public var rollups: [DailyRollup]
    public var firstDay: LocalDate
    /// The last day the figures may cover: the period's end, or the last day of data if earlier (a year
    /// under way), so that a month not yet reached is not a month without a run.
    public var through: LocalDate
    /// The fiscal year, for a column that is a whole fiscal year; nil for a month or a year to date.
    public var fiscalYear: Int?

    public init(label: String, report: YearReport, rollups: [DailyRollup], firstDay: LocalDate, through: LocalDate, fiscalYear: Int?) {
        self.label = label
        self.report = report
        self.rollups = rollups
        self.firstDay = firstDay
        self.through = through
        self.fiscalYear = fiscalYear
    }
}
