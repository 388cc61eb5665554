/// What verification reads from the store being verified: its pages, the ledger's own checks, its rollups and
/// quarantine, and each fiscal year's report. It reads nothing of the logs, so `VerifyAudit` works it out on a
/// second thread while the logs are read again (`VerifyReplay`), which records on one thread and leaves the
/// other core idle much of the time.
struct VerifyStoreSide {
    var ledgerCheck: LedgerCheck
    /// Every rollup, by ledger line id.
    var rollups: [Int64: [DailyRollup]]
    var quarantine: [String: [Rejection]]
    var keepingQuality: Set<Int64>
    /// Each year's report (the years asked for, or every year with rollups), in order, its departments compared
    /// with the year before, as `kouka-report` builds it.
    var reports: [(year: FiscalYear, report: YearReport)]

    /// Reads `context`'s store; fails as a report would on a store that cannot be read whole.
    init(reading context: ReportContext, fiscalYears: [FiscalYear]?) throws {
        let store = context.store
        try store.checkPages()
        ledgerCheck = try LedgerCheck(ledger: context.ledger, store: store)
        let all = (from: LocalDate(year: 1900, month: 1, day: 1), to: LocalDate(year: 2200, month: 1, day: 1))
        rollups = Dictionary(grouping: try store.rollups(from: all.from, to: all.to), by: \.sourceID)
        let years = fiscalYears ?? Set(rollups.values.flatMap { $0.map { FiscalYear(containing: $0.key.date).startYear } }).sorted().map(FiscalYear.init)
        reports = try years.map { ($0, try context.yearReportComparedWithTheYearBefore($0)) }
        quarantine = Dictionary(grouping: try store.rejections(), by: \.file)
        keepingQuality = try store.sourcesKeepingQuality()
    }
}

extension ReportContext {
    /// A fiscal year's report, its departments compared with the year before: what verification compares.
    func yearReportComparedWithTheYearBefore(_ year: FiscalYear) throws -> YearReport {
        let period = ReportPeriod.fiscalYear(year)
        return try report(period, generatedAt: "", previous: try report(period.yearBefore, generatedAt: "", previous: nil))
    }
}
