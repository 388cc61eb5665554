
/// The reports one `ReportContext` has built, by period, generation time and cut-off day. A box, so that the
/// context stays a value; used by one job's thread only.
final class BuiltReports {
    struct Key: Hashable {
        var period: ReportPeriod
        var generatedAt: String
        var through: LocalDate?
    }

    var reports: [Key: YearReport] = [:]
    /// Each report's RPA minutes by month, unrounded (`ReportBuilder.buildWithRPAMinutes`).
    var rpaMinutes: [Key: RPAMinutesByMonth] = [:]
    /// Every rollup of the store, when the context keeps them (`ReportContext.keepingEveryRollup`).
    var allRollups: [DailyRollup]?
    /// Whether `allRollups` run from the first day to the last, as the store gives them: a period's are then one stretch
    /// of them, found by bisection.
    var allRollupsInDayOrder = false
    /// The places in `allRollups` of the running totals of undated periods (`RollupKey.undatedPeriod`).
    var undatedPeriodRollups: [Int] = []
}
