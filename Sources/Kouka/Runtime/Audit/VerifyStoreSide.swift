import Dispatch

/// What verification reads from the store being verified — its pages, rollups, quarantine, the ledger's own
/// checks and each fiscal year's report — worked out on a second thread while the logs are read again
/// (`VerifyReplay`). That reading records on one thread and leaves the other core idle much of the time, and
/// the two share nothing: the replay writes a store of its own, and this side reads only the store verified.
final class VerifyStoreSide: @unchecked Sendable {
    /// The store's side of every comparison.
    struct Facts {
        var ledgerCheck: LedgerCheck
        /// Every rollup, by ledger line id.
        var rollups: [Int64: [DailyRollup]]
        var quarantine: [String: [Rejection]]
        var keepingQuality: Set<Int64>
        /// Each year's report (the years asked for, or every year with rollups), its departments compared with the
        /// year before, as `kouka-report` builds it.
        var reports: [FiscalYear: YearReport]
    }

    // Read and written by the worker only until `done` is left; by the caller only after `facts()` waited for it.
    private let context: ReportContext
    private var outcome: Result<Facts, any Error>?
    private let done = DispatchGroup()

    /// Starts reading `context`'s store on a worker thread. The caller must not use `context` until `facts()`.
    init(context: ReportContext, fiscalYears: [FiscalYear]?) {
        self.context = context
        done.enter()
        DispatchQueue.global().async { [self] in
            outcome = Result { try read(fiscalYears: fiscalYears) }
            done.leave()
        }
    }

    /// Returns once the worker is done with the store, whether or not it failed: the store must not be closed
    /// under it.
    func waitUntilDone() {
        done.wait()
    }

    /// The facts, once read; the store's error, if reading it failed.
    func facts() throws -> Facts {
        done.wait()
        return try outcome!.get()
    }

    private func read(fiscalYears: [FiscalYear]?) throws -> Facts {
        let store = context.store
        try store.checkPages()
        let ledgerCheck = try LedgerCheck(ledger: context.ledger, store: store)
        let all = (from: LocalDate(year: 1900, month: 1, day: 1), to: LocalDate(year: 2200, month: 1, day: 1))
        let rollups = Dictionary(grouping: try store.rollups(from: all.from, to: all.to), by: \.sourceID)
        let years = fiscalYears ?? Set(rollups.values.flatMap { $0.map { FiscalYear(containing: $0.key.date).startYear } }).sorted().map(FiscalYear.init)
        var reports: [FiscalYear: YearReport] = [:]
        for year in years {
            let period = ReportPeriod.fiscalYear(year)
            reports[year] = try context.report(period, generatedAt: "", previous: try context.report(period.yearBefore, generatedAt: "", previous: nil))
        }
        return Facts(ledgerCheck: ledgerCheck, rollups: rollups, quarantine: Dictionary(grouping: try store.rejections(), by: \.file),
                     keepingQuality: try store.sourcesKeepingQuality(), reports: reports)
    }
}
