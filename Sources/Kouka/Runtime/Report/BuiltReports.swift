
/// What one `ReportContext` has built and read: its periods' sums of rollups, and every rollup when it keeps them. A
/// box, so that the context stays a value; used by one job's thread only.
final class BuiltReports {
    /// What the rollups alone give (`ReportBuilder`): the rollups of `period` up to `rollupsThrough`, before the systems
    /// live and the licences borne by the report's own day are applied.
    struct RollupsKey: Hashable {
        var period: ReportPeriod
        var generatedAt: String
        var rollupsThrough: LocalDate
    }

    /// Each period's report from its rollups, with its RPA minutes by month unrounded (`ReportBuilder.buildWithRPAMinutes`).
    /// By `RollupsKey`, not by the report's cut-off day: a past year cut at its own last day (a tool review's column) and
    /// the same year uncut add the same rollups up, and are built once.
    var fromRollups: [RollupsKey: (report: YearReport, rpaMinutes: RPAMinutesByMonth)] = [:]
    /// Every rollup of the store, when the context keeps them (`ReportContext.keepingEveryRollup`).
    var allRollups: [DailyRollup]?
    /// Whether `allRollups` run from the first day to the last, as the store gives them: a period's are then one stretch
    /// of them, found by bisection.
    var allRollupsInDayOrder = false
    /// The places in `allRollups` of the running totals of undated periods (`RollupKey.undatedPeriod`).
    var undatedPeriodRollups: [Int] = []
    /// The first day each task (`family`, NUL, name in the log) gives items on in a counted file (`ReportInputs.tasksGivingItems`),
    /// read once.
    var firstDaysGivingItems: [String: LocalDate]?
}
