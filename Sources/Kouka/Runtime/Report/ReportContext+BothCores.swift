extension ReportContext {
    /// Adds up, two at a time on both cores, the rollups of the fiscal years `years` and of the year before each as
    /// `reportComparedWithTheYearBefore(_:generatedAt:asOf:)` compares it (as of the context's day), and keeps the sums
    /// (`BuiltReports.fromRollups`), so that the reports of those years are then made from them without adding up again.
    ///
    /// Each period's inputs are read from the store on this thread, the one that owns the connection; the adding up
    /// (`ReportBuilder`) needs nothing but them, and gives the same sums on any thread. Verification makes the reports of
    /// the logs read again after everything else, with the other core mostly idle: at 18,260 daily logs, adding up one
    /// year after another was 316 of the 649 samples `perf` took of that thread. Two periods' inputs at a time hold two
    /// periods' rollups at most; the second is added up on a worker (`BackgroundWork`) while this thread adds up the first.
    func addingUpOnBothCores(years: [FiscalYear], generatedAt: String) throws {
        var keys: [BuiltReports.RollupsKey] = []
        for year in years {
            let period = ReportPeriod.fiscalYear(year)
            for key in [Self.rollupsKey(period.yearBefore, generatedAt: generatedAt, through: yearBeforeThrough(period, asOf: asOf)),
                        Self.rollupsKey(period, generatedAt: generatedAt, through: nil)]
            where built.fromRollups[key] == nil && !keys.contains(key) {
                keys.append(key)
            }
        }
        for start in stride(from: 0, to: keys.count, by: 2) {
            let first = try reportInputs(keys[start])
            let next = try keys.indices.contains(start + 1) ? reportInputs(keys[start + 1]) : nil
            let second = next.map { inputs in BackgroundWork { ReportBuilder.buildWithRPAMinutes(inputs) } }
            built.fromRollups[keys[start]] = ReportBuilder.buildWithRPAMinutes(first)
            if let second { built.fromRollups[keys[start + 1]] = try second.value() }
        }
    }
}
