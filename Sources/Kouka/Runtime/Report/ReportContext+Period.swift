
/// What reports show beyond one period: the projection of the year under way, the path to its target and
/// the next year's, and the policy period's table. All built from this context's one snapshot of the store,
/// with the same `report` every yearly report comes from, so their figures are the yearly reports'.
extension ReportContext {
    /// The projection of `year` to March 31, when it contains the as-of day.
    func projection(of year: FiscalYear, stamp: String) throws -> Projection? {
        guard year.contains(asOf) else { return nil }
        let toDate = try report(.fiscalYear(year), generatedAt: stamp, previous: nil, through: asOf)
        let through = try rpaMinutes(.fiscalYear(year), generatedAt: stamp, through: asOf)
        let whole = try rpaMinutes(.fiscalYear(year), generatedAt: stamp)
        func sum(_ minutes: RPAMinutesByMonth) -> Double { year.monthKeys.reduce(0) { $0 + minutes[$1] } }
        return ProjectionModel.project(current: toDate, currentMinutes: through, earlier: try earlierRPAMinutes(before: year, stamp: stamp), asOf: asOf,
                                       target: configuration.targets.targets(for: year).rpaHours, minutesAfter: sum(whole) - sum(through))
    }

    /// The unrounded RPA minutes by month of the three fiscal years before `year`, which a seasonal projection compares.
    func earlierRPAMinutes(before year: FiscalYear, stamp: String) throws -> [FiscalYear: RPAMinutesByMonth] {
        var earlier: [FiscalYear: RPAMinutesByMonth] = [:]
        for back in 1...3 {
            let earlierYear = FiscalYear(year.startYear - back)
            earlier[earlierYear] = try rpaMinutes(.fiscalYear(earlierYear), generatedAt: stamp)
        }
        return earlier
    }

    /// The path to the RPA target of the year under way and the next.
    func targetPath(stamp: String) throws -> TargetPath? {
        guard let current = try projection(of: FiscalYear(containing: asOf), stamp: stamp) else { return nil }
        return PlannedTasks.path(catalog: catalog, targets: configuration.targets, asOf: asOf, current: current)
    }

    /// The table of `years`, each year from its own report.
    func policyPeriod(_ years: ClosedRange<Int>, stamp: String) throws -> (table: PolicyPeriodTable, reports: [Int: YearReport], path: TargetPath?) {
        var reports: [Int: YearReport] = [:]
        for year in years { reports[year] = try report(.fiscalYear(FiscalYear(year)), generatedAt: stamp, previous: nil) }
        let current = FiscalYear(containing: asOf)
        let projection = years.contains(current.startYear) ? try projection(of: current, stamp: stamp) : nil
        let path = try targetPath(stamp: stamp)
        let table = PolicyPeriodBuilder.table(years: years, reports: reports, asOf: asOf, targets: configuration.targets,
                                              projection: projection, path: path)
        return (table, reports, path)
    }

    /// Adds the policy period and the target path to a fiscal year's report within the policy's years.
    func addPeriodSections(to report: inout YearReport, stamp: String) throws {
        guard report.period == "fiscal-year" else { return }
        let years = PolicyPeriodTable.dxPolicyYears
        if years.contains(report.fiscalYear) {
            let period = try policyPeriod(years, stamp: stamp)
            report.policyPeriod = period.table
            if let path = period.path, path.years.contains(where: { $0.fiscalYear == report.fiscalYear }) { report.targetPath = path }
        } else if let path = try targetPath(stamp: stamp), path.years.contains(where: { $0.fiscalYear == report.fiscalYear }) {
            report.targetPath = path
        }
    }
}
