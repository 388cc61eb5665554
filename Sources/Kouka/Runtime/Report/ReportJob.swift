import Foundation
import Logging

/// `kouka-report`: builds one fiscal year's (or one month's) report from the store and the catalog, and
/// writes it as HTML, Excel, JSON, Markdown and CSV, with their `SHA256SUMS`, into `<output>/FY<year>/`
/// (or `<output>/<yyyy-MM>/`): one set that replaces the earlier one in one step.
package struct ReportJob {
    package var configuration: Configuration
    package var options: ReportOptions
    package var logger: Logger
    /// Whether the store's rollups are read once for every period the report shows (its year, the year before, the
    /// review's years, the policy period), rather than period by period; off only to compare the two in tests.
    var readsRollupsOnce = true

    package init(configuration: Configuration, options: ReportOptions, logger: Logger) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
    }

    /// A fiscal year's report with default options.
    package init(configuration: Configuration, fiscalYear: FiscalYear, outputFolder: String? = nil, logger: Logger) {
        self.init(configuration: configuration, options: ReportOptions(period: .fiscalYear(fiscalYear), outputFolder: outputFolder), logger: logger)
    }

    /// Builds the report without writing it.
    package func build() throws -> YearReport {
        var left: ReadingAwaited?
        return try buildReading(replacing: nil, left: &left)
    }

    /// The report, once the set at `json` (when given) is found to be one it may replace (`ReportSetReplacing`), against the
    /// store it is read from.
    /// `left`: the counted files an upgrade marked to be read again that the nightly run of this version could not read,
    /// whose figures the report states as the earlier version read them (exit 1, helper-175 F2).
    private func buildReading(replacing json: String?, besides neighbours: [String] = [], left: inout ReadingAwaited?) throws -> YearReport {
        let today = options.today ?? configuration.clock.localDate(of: options.generatedAt)
        return try ReportContext.reading(configuration: configuration, today: today) { context in
            left = ReadingAwaited.awaiting(context.ledger)
            if let left {
                logger.warning("counted files the upgrade marked to be read again by this version's rules could not be read by kouka-nightly (its summary names them under filesUnreadable): their figures are still the earlier version's; let the job's user read them, and the next nightly run reads them",
                               metadata: ["files": "\(left.files)", "example": "\(left.example)"])
            }
            let unread = try context.store.finishedRunsWithSourcesUnread(job: NightlyJob.job).first?.sourcesUnread ?? []
            if !unread.isEmpty {
                logger.warning("the last nightly run found no file at sources whose files the store counts: the figures are as of the last run that read them; mount the share (or fix the path) and run kouka-nightly, or take a retired source out of kouka.toml",
                               metadata: ["sources": "\(unread.joined(separator: ", "))", "asOf": "\(context.asOf)"])
            }
            // A fiscal year ahead is one a city plans (its targets, its planned robots and systems: the policy period's
            // "ahead"); a month ahead has nothing to state.
            if case .month = options.period, context.asOf < options.period.firstDay {
                throw PeriodNotBegun(period: options.period.stem, firstDay: options.period.firstDay, asOf: context.asOf, sourcesUnread: unread)
            }
            try Self.checkReplacing((json.map { [($0, true)] } ?? []) + neighbours.map { ($0, false) }, context: context, clock: configuration.clock)
            // The report, the year before, the review's years and the policy period each take their days' rollups:
            // read once, rather than each period looking every file up again (a fiscal year at 18,260 daily logs: 3.7 → 2.1 s).
            if readsRollupsOnce { _ = try context.keepingEveryRollup() }
            var report = try context.reportComparedWithTheYearBefore(options.period, generatedAt: stamp, asOf: context.asOf)
            // Said in the report's source status, since their files' figures may stop short of the period's end.
            let missing = SourceMatches.missing(configuration).map { MissingSourceLine(path: $0.path, reason: $0.reason) }
            report.sourcesMissing = missing.isEmpty ? nil : missing
            // Of a period over by the store's last complete day: one under way states its day, and its figures grow each night.
            if options.period.lastDay <= context.asOf {
                let running = try context.store.runsStillRunning(from: options.period.firstDay, to: options.period.lastDay)
                report.runsStillRunning = running.isEmpty ? nil : RunsStillRunning(runs: running.values.reduce(0, +), files: running.keys.sorted())
            }
            report.preliminary = PeriodSettling.preliminary(options.period, asOf: context.asOf, today: today)
            report.asOf = context.asOf.description
            // As of the last complete day: the report's own day has not been read by the nightly run yet.
            report.review = try context.toolReview(of: options.period, report: report, asOf: context.asOf, generatedAt: stamp)
            // A year whose last day is the store's last complete one is over: its hours are actual, with no 見込み of them
            // (helper-144 #2). The policy period's path from it to the next year's target is still drawn from its figure.
            if case let .fiscalYear(year) = options.period, context.asOf < year.lastDay {
                report.projection = try context.projection(of: year, stamp: stamp)
            }
            try context.addPeriodSections(to: &report, stamp: stamp)
            if case .month = options.period { report.yearToDate = try context.yearToDate(of: options.period, asOf: context.asOf, generatedAt: stamp) }
            return report
        }
    }

    /// The runs still running that the set states while not saying of itself that its figures may change: a 速報 says so
    /// (late logs change it anyway), and made on the 1st at 04:00, a night's batch running past the 02:00 nightly run is
    /// routine — exit 1 for it marked the packaged month unit failed each month (a report unit's exit 1 is looked at).
    private func stillRunningUnsaid(_ report: YearReport) -> RunsStillRunning? {
        report.preliminary == nil ? report.runsStillRunning : nil
    }

    /// Refuses to replace the set at `json` with one from a store that is not the one it was made from (`ReportSetReplacing`):
    /// by the paths and SHA-256 of the ledger's lines, the paths they were moved from, the bytes they held, and when the
    /// store's first nightly run started (to the sub-second where the run kept it, 0.5.0 on, else in whole seconds).
    /// Each set is given with whether it is the one being made again; else it is one beside the report (`setsBeside`), which a
    /// report from an older copy of the store would contradict. The store's paths and digests are gathered once for all.
    static func checkReplacing(_ sets: [(json: String, replaced: Bool)], context: ReportContext, clock: LocalClock) throws {
        guard !sets.isEmpty else { return }
        // A store whose files were read with other settings of their sources than kouka.toml gives (a backup restored from
        // before a `success` value was added) counts other rows of the very bytes a set lists: until kouka-nightly reads them
        // again, a set from it would state other figures than the one it replaces or stands beside (helper-108 #1).
        try SourceSettingsCheck.check(context.ledger, specs: SourceSettingsCheck.sourceFiles(context.configuration).specs,
                                      configuration: context.configuration, before: "making a report")
        var began: Date? = nil
        if let first = try context.store.jobRuns().first(where: { $0.job == NightlyJob.job }) {
            began = try context.store.startedInstant(ofRun: first.id).map { Date(timeIntervalSince1970: $0) }
                ?? Timestamp(first.startedAt)?.instant(in: clock)
        }
        // A path a line was moved from is one the store knows: the file was renamed, not lost.
        let paths = Set(context.ledger.map(\.path)).union(try context.store.renamedFromPaths())
        let digests = Set(context.ledger.map(\.sha256)), keptSince = try context.store.renamesKeptSince()
        for (json, replaced) in sets {
            try ReportSetReplacing.check(json: json, paths: paths, digests: digests, storeBegan: began, keptSince: keptSince, clock: clock,
                                         replaced: replaced, hasRead: { try context.store.hasRead($0, at: $1) })
        }
    }

    /// The JSON of the fiscal-year and month sets in `output` but the one named `except`: a report restates other periods'
    /// figures (the year before's, every policy year that is over in its period section), so a store that lacks files one of
    /// them counted is an older copy (restored from a backup), and a report made from it would state less for that set's
    /// days than the set does, with exit 0 (helper-104 #4, helper-106 #3).
    static func setsBeside(except stem: String? = nil, in output: String) throws -> [String] {
        try WrittenReportCheck.writtenReports(in: output).filter { $0.stem != stem }.map {
            ((output as NSString).appendingPathComponent($0.stem) as NSString).appendingPathComponent("kouka-\($0.stem).json")
        }
    }

    /// The last complete day of the store: the day before `today`, or before the day the last finished nightly
    /// run started if that is earlier (a store not read for some nights has no figures for them yet). A run that found
    /// no file at a source whose files the store counted (`SourcesUnread`: a share unmounted, its mount point left empty)
    /// did not read it: the store is complete only to the last run that read every source (helper-158 #1).
    static func asOf(today: LocalDate, store: KoukaStore, clock: LocalClock) throws -> LocalDate {
        var last = today.adding(days: -1)
        let runs = try store.finishedRunsWithSourcesUnread(job: NightlyJob.job)
        if let run = runs.first(where: { $0.sourcesUnread.isEmpty }) ?? runs.last, let started = Timestamp(run.startedAt)?.instant(in: clock) {
            last = min(last, clock.localDate(of: started).adding(days: -1))
        }
        return last
    }

    var stamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = configuration.clock.zone
        return formatter.string(from: options.generatedAt)
    }

    /// Builds and writes the report; returns the summary for stdout.
    package func run() throws -> ReportSummary {
        let stem = "kouka-\(options.period.stem)"
        let folder = ((options.outputFolder ?? configuration.outputPath) as NSString).appendingPathComponent(options.period.stem)
        let output = options.outputFolder ?? configuration.outputPath
        let replaced = (folder as NSString).appendingPathComponent("\(stem).json")
        var left: ReadingAwaited?
        var report = try buildReading(replacing: replaced, besides: try Self.setsBeside(except: options.period.stem, in: output), left: &left)
        let restating = try ReportRestating.restatements(of: report, period: options.period, replacing: replaced)
        report.restatements = restating.all.isEmpty ? nil : restating.all
        if let added = restating.added {
            logger.warning("the report restates figures the set it replaces stated settled", metadata: [
                "replaced": "\(added.replacedGeneratedAt)", "changes": "\(added.changes.count)",
                "first": "\(added.changes.first.map { "\($0.field) \($0.before.map { "\($0)" } ?? "none") -> \($0.after.map { "\($0)" } ?? "none")" } ?? "")"])
        }
        // A 速報 made on the day its settled set was due (the packaged run of the 10th): the store's last nights were not read
        // (helper-151 #6), and the set says its figures may still change.
        let today = options.today ?? configuration.clock.localDate(of: options.generatedAt)
        let settledDue = report.preliminary.flatMap { LocalDate($0.settledFrom) }.map { today >= $0 } ?? false
        if settledDue { report.preliminary?.storeBehind = true }
        if settledDue, let preliminary = report.preliminary {
            logger.warning("the report is a 速報: the store's figures stop at \(preliminary.asOf), before the period settled; run kouka-nightly (its last run did not finish or did not run, or found no file at a source whose files the store counts: mount the share first), then make the report again",
                           metadata: ["period": "\(options.period.stem)"])
        }
        let texts = try ReportRendering.texts(report, stem: stem, shiftJIS: options.shiftJISCSV)
        ShiftJISCopies.warn(texts, logger: logger)
        // The whole new set or the whole old one, with its SHA256SUMS: a full disk or a kill -9 at any
        // point leaves the earlier set whole.
        let set = try ReportSetWriter(outputFolder: options.outputFolder ?? configuration.outputPath, name: options.period.stem, logger: logger,
                                      access: configuration.outputAccess)
        for (name, data) in texts { try set.add(data, named: name) }
        try set.add(named: ReportRendering.workbookName(stem: stem)) { temporary in
            do {
                try XLSXReportWriter.write(report, to: temporary, created: options.generatedAt)
            } catch let error as XLSXError {
                throw OutputError(path: (set.folder as NSString).appendingPathComponent(ReportRendering.workbookName(stem: stem)), reason: error.reason)
            }
        }
        let written = try set.commit()
        for path in written { logger.info("report written", metadata: ["file": "\(path)"]) }
        return ReportSummary(fiscalYear: report.fiscalYear, label: report.label, folder: set.folder, files: written,
                             hoursSaved: report.hoursSaved, targets: report.targets, unmappedNames: report.unmapped.count,
                             sourcesMissing: report.sourcesMissing, runsStillRunning: report.runsStillRunning, restated: restating.added,
                             preliminary: report.preliminary,
                             exitCode: stillRunningUnsaid(report) == nil && restating.added == nil && !settledDue && left == nil ? .done : .doneWithFindings)
    }
}
