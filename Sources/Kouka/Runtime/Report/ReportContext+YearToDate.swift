
extension ReportContext {
    /// Where a month's fiscal year stands at the month's end, or at `asOf` (the store's last complete day)
    /// when that is earlier: the targets' actuals from April 1, and the projection to March 31 made as of that
    /// day while the year is under way (none once the store's figures go past its March 31). Nil when the store's figures
    /// end before the fiscal year begins.
    func yearToDate(of period: ReportPeriod, asOf: LocalDate, generatedAt: String) throws -> YearToDate? {
        let year = period.fiscalYear
        let through = min(period.lastDay, asOf)
        guard through >= year.firstDay else { return nil }
        let toDate = try report(.fiscalYear(year), generatedAt: generatedAt, previous: nil, through: through)
        var projection: Projection?
        // Once the year is over (the store holds days past March 31), its actual figure is known: no projection.
        if through < year.lastDay, asOf <= year.lastDay {
            projection = ProjectionModel.project(current: toDate, currentMinutes: try rpaMinutes(.fiscalYear(year), generatedAt: generatedAt, through: through),
                                                 earlier: try earlierRPAMinutes(before: year, stamp: generatedAt), asOf: through,
                                                 target: configuration.targets.targets(for: year).rpaHours)
        }
        return YearToDate(fiscalYear: year.startYear, label: year.japaneseLabel, from: year.firstDay.description, through: through.description,
                          hoursSaved: toDate.hoursSaved.total, targets: toDate.targets, projection: projection)
    }
}
