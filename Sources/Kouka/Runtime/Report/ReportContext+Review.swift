
extension ReportContext {
    /// The tool review of `period`, whose report is `report`: a fiscal year beside the policy's other years
    /// up to it that have data (`[review]` first_year…last_year), a month beside its fiscal year to date.
    /// Figures stop at `asOf`, the last complete day, so that a year under way is not judged on months to come.
    func toolReview(of period: ReportPeriod, report: YearReport, asOf: LocalDate, generatedAt: String) throws -> ToolReview {
        let settings = configuration.review
        var periods: [ReviewPeriod] = []
        switch period {
        case let .fiscalYear(year):
            let years = Set(settings.firstYear...settings.lastYear).union([year.startYear]).filter { $0 <= year.startYear }.sorted()
            for start in years {
                let column = try reviewPeriod(.fiscalYear(FiscalYear(start)), label: FiscalYear(start).japaneseLabel, from: FiscalYear(start).firstDay,
                                              asOf: asOf, generatedAt: generatedAt)
                if start == year.startYear || !column.rollups.isEmpty { periods.append(column) }
            }
        case .month:
            let fiscal = period.fiscalYear
            periods.append(try reviewPeriod(period, label: period.label, from: period.firstDay, asOf: asOf, generatedAt: generatedAt))
            let months = fiscal.monthKeys.prefix { $0 <= period.firstDay.monthKey }
            let label = "\(fiscal.japaneseLabel)累計（\(Int(months.first!.suffix(2))!)月〜\(period.firstDay.month)月）"
            var toDate = try reviewPeriod(.fiscalYear(fiscal), label: label, from: fiscal.firstDay, asOf: asOf, generatedAt: generatedAt,
                                          cut: period.lastDay)
            toDate.fiscalYear = nil
            periods.append(toDate)
        }
        let judged = periods.firstIndex { $0.label == period.label } ?? periods.count - 1
        // The same days of the year before while the period is under way, the whole of it once it is over, as the departments
        // are compared (`yearBeforeThrough(_:asOf:)`): a month of February that is over took the year before's to the 28th, and
        // left out a February 29 — as of the day verification holds it to, but not as of the day it was written (helper-191 #1).
        let yearBeforeThrough = self.yearBeforeThrough(period, asOf: asOf) ?? period.yearBefore.lastDay
        let yearBefore = try self.report(period.yearBefore, generatedAt: generatedAt, previous: nil, through: yearBeforeThrough)
        let yearBeforeMinutes = try rpaMinutes(period.yearBefore, generatedAt: generatedAt, through: yearBeforeThrough)
        return ToolReviewBuilder.build(periods: periods, judged: judged, yearBefore: yearBefore, yearBeforeRPAMinutesByTask: yearBeforeMinutes.byTask,
                                       catalog: catalog, settings: settings, money: configuration.money)
    }

    /// One column: `period` cut at `cut` (a year to date) and at `asOf`, its licences borne by the months it covers.
    private func reviewPeriod(_ period: ReportPeriod, label: String, from: LocalDate, asOf: LocalDate, generatedAt: String,
                              cut: LocalDate? = nil) throws -> ReviewPeriod {
        let through = min(cut ?? period.lastDay, max(asOf, from.adding(days: -1)))
        // A year under way bears the licences of the months it covers (`ReportContext.build`), against the hours to date.
        let report = try self.report(period, generatedAt: generatedAt, previous: nil, through: through)
        let rollups = through >= from ? try self.rollups(from: from, to: through) : []
        var fiscalYear: Int? = nil
        if case let .fiscalYear(year) = period { fiscalYear = year.startYear }
        let minutes = try rpaMinutes(period, generatedAt: generatedAt, through: through)
        return ReviewPeriod(label: label, report: report, rollups: rollups, firstDay: from, through: through, fiscalYear: fiscalYear,
                            minutesSaved: minutes.bySystem, rpaMinutesByTask: minutes.byTask)
    }
}
