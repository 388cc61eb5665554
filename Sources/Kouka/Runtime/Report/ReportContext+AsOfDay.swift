extension ReportContext {
    /// `report`, a fiscal year's, with its new systems counted as of `day` instead of the store's last complete day. A
    /// system's go-live is a date, not a log: a report made before it states it as planned (見込み), and is still right
    /// once the day has passed. Verification compares a written report's count as of the day the report states
    /// (helper-85's verify-false-alarm-new-systems.sh: an honest year-to-date report named as edited once a go-live passed).
    /// Its licences likewise are those the months begun by `day` bear, for a year under way then, and its departments are
    /// compared with the same days of the year before as of `day` (`yearBeforeThrough`). A month's report (`period`) only
    /// has its departments compared so.
    func asStated(_ report: YearReport, asOf day: LocalDate, period: ReportPeriod) throws -> YearReport {
        var report = report
        let compared = try reportComparedWithTheYearBefore(period, generatedAt: report.generatedAt, asOf: day)
        report.departments = compared.departments
        report.previousYearThrough = compared.previousYearThrough
        guard case .fiscalYear = period else { return report }
        report.targets.removeAll { $0.metric == NewSystemsLine.metric }
        NewSystemsCount.apply(to: &report, register: systems, targets: configuration.targets, asOf: day)
        if let money = configuration.money {
            report.money = report.money?.borne(months: MoneySettings.monthsBorne(of: period, through: min(day, period.lastDay)), by: money)
        }
        return report
    }
}
