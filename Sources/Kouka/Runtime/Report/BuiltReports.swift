
/// The reports one `ReportContext` has built, by period, generation time and cut-off day. A box, so that the
/// context stays a value; used by one job's thread only.
final class BuiltReports {
    struct Key: Hashable {
        var period: ReportPeriod
        var generatedAt: String
        var through: LocalDate?
    }

    /// What the rollups alone give (`ReportBuilder`): the rollups of `period` up to `rollupsThrough`, before the systems
    /// live and the licences borne by the report's own day are applied.
    struct RollupsKey: Hashable {
        var period: ReportPeriod
        var generatedAt: String
        var rollupsThrough: LocalDate
    }

    var reports: [Key: YearReport] = [:]
    /// Reports whose keys differ only in a cut-off day past their rollups' last (a past year cut at its own last day in a
    /// tool review, and the same year uncut) add the same rollups up: built once, by `RollupsKey`.
    var fromRollups: [RollupsKey: (report: YearReport, rpaMinutes: RPAMinutesByMonth)] = [:]
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
