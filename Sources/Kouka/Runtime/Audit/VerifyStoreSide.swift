import Foundation

/// What verification reads from the store being verified: its pages, the ledger's own checks, its rollups and
/// quarantine, each fiscal year's report, and the written reports against it. It reads nothing of the logs, so
/// `VerifyAudit` works it out on a second thread while the logs are read again (`VerifyReplay`), which records
/// on one thread and leaves the other core idle much of the time.
struct VerifyStoreSide {
    var ledgerCheck: LedgerCheck
    /// Every rollup, by ledger line id.
    var rollups: [Int64: [DailyRollup]]
    var quarantine: [String: [Rejection]]
    /// The SHA-256 of each file's run-key set, by ledger line id (`KoukaStore.runKeyDigests`).
    var runKeyDigests: [Int64: String]
    /// Each file's run-key set against the digest its commit recorded (`RunKeyDigestCheck`).
    var runKeyDigestDifferences: [VerifySummary.Difference]
    var keepingQuality: Set<Int64>
    /// Each year's report (the years asked for, or every year with rollups), in order, its departments compared
    /// with the year before, as `kouka-report` builds it.
    var reports: [(year: FiscalYear, report: YearReport)]
    /// Each year's written report against the store's, in the order of `reports`: what `WrittenReportCheck` found.
    var writtenReports: [VerifySummary]
    /// The written month reports against the store's months (`WrittenReportCheck`), and the period reports against their
    /// own JSON (`WrittenPeriodReportCheck`): what they found.
    var writtenMonthReports: VerifySummary
    /// The ledger and the quarantine against the nightly runs' seals (`LedgerSealCheck`).
    var sealDifferences: [VerifySummary.Difference]
    /// The changes made outside Kouka that a nightly run was told to go on with (`--accept-store-edits`).
    var storeEditsAccepted: [String]

    /// Reads `context`'s store; fails as a report would on a store that cannot be read whole.
    /// `onDisk`: the display paths of the sources' files now.
    /// `writtenYears`: the fiscal years of the written reports, when `fiscalYears` is nil.
    init(reading context: ReportContext, fiscalYears: [FiscalYear]?, writtenYears: [FiscalYear], onDisk: Set<String>) throws {
        let store = context.store
        try store.checkPages()
        ledgerCheck = try LedgerCheck(ledger: context.ledger, store: store, onDisk: onDisk)
        // Kept by the context: every year's report below takes its rollups from them.
        rollups = Dictionary(grouping: try context.keepingEveryRollup(), by: \.sourceID)
        let years = Self.yearsCompared(fiscalYears, rollups: rollups.values.joined(), written: writtenYears)
        reports = try years.map { ($0, try context.yearReportComparedWithTheYearBefore($0)) }
        let ledgerPaths = Set(context.ledger.map(\.path))
        // The store's report of a fiscal year, for the years a written report's period section states.
        let built = Dictionary(reports.map { ($0.0.startYear, $0.1) }, uniquingKeysWith: { first, _ in first })
        let storeYear = { (year: Int) throws -> YearReport in
            try built[year] ?? context.report(.fiscalYear(FiscalYear(year)), generatedAt: "", previous: nil)
        }
        let storeYearToDate = { (month: ReportPeriod, asOf: LocalDate) throws -> YearToDate? in
            try context.yearToDate(of: month, asOf: asOf, generatedAt: "")
        }
        // The versions that have read the store, and since when: a set stating an earlier one, made after, was relabelled.
        let readBySince = try store.readBySince()
        let versionRequired = { (stated: String, generatedAt: String) in
            WrittenReportVersion.required(stated: stated, generatedAt: generatedAt, readBySince: readBySince, clock: context.configuration.clock)
        }
        // The files each nightly run read, by when it started: a figure of a year whose files were read after a report was made
        // makes that report older, not edited.
        let clock = context.configuration.clock
        let lastRead = try store.lastReadingStarts().compactMapValues { run in
            run.instant.map { Date(timeIntervalSince1970: $0) } ?? Timestamp(run.text)?.instant(in: clock)
        }
        // A report states the second it was made: a run that started within that second is taken as after it.
        let readSince = { (generatedAt: String, path: String) -> Bool in
            guard let made = Timestamp(generatedAt)?.instant(in: clock), let read = lastRead[path] else { return false }
            return read.timeIntervalSince1970 >= made.timeIntervalSince1970.rounded(.down)
        }
        let storeReview = { (period: ReportPeriod, report: YearReport, asOf: LocalDate) throws -> ToolReview? in
            try context.toolReview(of: period, report: report, asOf: asOf, generatedAt: "")
        }
        // The files holding lines of runs each file counts, by its path: a task's figures rest on them too.
        let pathOf = Dictionary(context.ledger.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        var partsOf: [String: [String]] = [:]
        for (part, countedIn) in try store.runParts() {
            if let file = pathOf[countedIn], let partPath = pathOf[part] { partsOf[file, default: []].append(partPath) }
        }
        let catalogRowSeen = try CatalogHistory.rowSeen(in: store)
        // Bytes a set lists that no nightly run read at their path, when the store kept what it read from before the set's
        // stated time (a store begun after the set never read its files: it is held to them otherwise, `ReportSetReplacing`).
        let keptSince = try store.renamesKeptSince()
        let neverRead = { (generatedAt: String, sha256: String, path: String) throws -> Bool in
            // A file listed unreadable has no digest, and none is kept for it (helper-200 #1: once read, its set was edited).
            guard !sha256.isEmpty, let keptSince, let made = Timestamp(generatedAt)?.instant(in: clock), keptSince <= made.timeIntervalSince1970 else { return false }
            return try !store.hasRead(sha256, at: path)
        }
        let movedTo = try store.movedPaths()
        writtenReports = try reports.map { year, report in
            var found = VerifySummary()
            try WrittenReportCheck.compare(.fiscalYear(year), outputPath: context.configuration.outputPath, store: report, ledgerPaths: ledgerPaths, targets: context.configuration.targets,
                                           storeYear: storeYear, storeYearToDate: storeYearToDate, asOfDay: context.asStated(_:asOf:period:),
                                           readSince: readSince, storeReview: storeReview, partsOf: partsOf, catalogRowSeen: catalogRowSeen, movedTo: movedTo, versionRequired: versionRequired, neverRead: neverRead, into: &found)
            return found
        }
        // A month's written report is checked as a year's is, against the month built from the store as kouka-report builds it.
        var months = VerifySummary()
        for month in try WrittenReportCheck.writtenMonths(in: context.configuration.outputPath) {
            let report = try context.reportComparedWithTheYearBefore(month, generatedAt: "", asOf: context.asOf)
            try WrittenReportCheck.compare(month, outputPath: context.configuration.outputPath, store: report, ledgerPaths: ledgerPaths, targets: context.configuration.targets,
                                           storeYear: storeYear, storeYearToDate: storeYearToDate, asOfDay: context.asStated(_:asOf:period:),
                                           readSince: readSince, storeReview: storeReview,
                                           partsOf: partsOf, catalogRowSeen: catalogRowSeen, movedTo: movedTo, versionRequired: versionRequired, neverRead: neverRead, into: &months)
        }
        // Period reports are checked as rendered from their own JSON.
        try WrittenPeriodReportCheck.compareAll(outputPath: context.configuration.outputPath, catalogSHA256: context.catalogSHA256,
                                                timezone: context.configuration.clock.zone.identifier, targets: context.configuration.targets,
                                                settings: (context.configuration.minimumAIUses, context.configuration.officeHoursSetting),
                                                storeYear: storeYear, readSince: readSince, versionRequired: versionRequired, into: &months)
        writtenMonthReports = months
        quarantine = Dictionary(grouping: try store.rejections(), by: \.file)
        keepingQuality = try store.sourcesKeepingQuality()
        runKeyDigests = try store.runKeyDigests()
        runKeyDigestDifferences = RunKeyDigestCheck.differences(ledger: context.ledger, actual: runKeyDigests, recorded: try store.recordedRunKeyDigests(),
                                                                kept: try store.keepsEveryRunKeyDigest())
        let runs = try store.seals(job: NightlyJob.job)
        // The seal of 0.4.3 to 0.4.7 is read only while no run has recorded one as a sum: the last run's is of that kind.
        // Held to the last run that left a seal as a sum, as that run sealed: with the catalog's kept versions from 0.5.6.
        let covers = runs.last(where: { $0.sumLeft != nil })?.coversCatalog ?? true
        let now = LedgerSealCheck.Now(v1: runs.contains { $0.sumLeft != nil } ? nil : try store.ledgerSeal(), sum: try store.sealSum(coveringCatalog: covers).hex)
        (sealDifferences, storeEditsAccepted) = LedgerSealCheck.differences(runs: runs, now: now, sumsSince: try store.sealSumsSince())
    }
}

extension VerifyStoreSide {
    /// The fiscal years whose reports verification compares: `fiscalYears`, else every year `rollups` has and every year
    /// of `written` (the written reports' years), in order.
    static func yearsCompared(_ fiscalYears: [FiscalYear]?, rollups: some Sequence<DailyRollup>, written: [FiscalYear]) -> [FiscalYear] {
        if let fiscalYears { return fiscalYears }
        return Set(rollups.map { FiscalYear(containing: $0.key.date).startYear }).union(written.map(\.startYear)).sorted().map(FiscalYear.init)
    }

    /// Counted files' rollups by path, keyed.
    static func byPath(_ rollups: [Int64: [DailyRollup]], ledger: [SourceFileRecord]) -> [String: [RollupKey: RollupTotals]] {
        var result: [String: [RollupKey: RollupTotals]] = [:]
        for line in ledger where line.status == .present || line.status == .gone {
            var keyed: [RollupKey: RollupTotals] = [:]
            for rollup in rollups[line.id] ?? [] { keyed[rollup.key, default: RollupTotals()].add(rollup.totals) }
            result[line.path] = keyed
        }
        return result
    }
}

extension ReportContext {
    /// A fiscal year's report, its departments compared with the year before as of the store's day: what verification compares.
    func yearReportComparedWithTheYearBefore(_ year: FiscalYear) throws -> YearReport {
        try reportComparedWithTheYearBefore(.fiscalYear(year), generatedAt: "", asOf: asOf)
    }
}
