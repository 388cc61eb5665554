import Foundation
import Logging

/// Kouka's calls from logs to figures. Each goes through the code the jobs run: logs are read into a store
/// as `kouka-nightly` reads them, and figures are built from it as `kouka-report` builds the yearly report.
public enum Kouka {
    /// Kouka's version, stated in every report.
    public static var version: String { KoukaVersion.current }

    /// A fiscal year's figures from `logs` and the task catalog at `catalog`: the numbers `kouka-report` states
    /// for a configuration naming the same files, catalog, zone and rules.
    ///
    /// The logs are read into a store of their own in a temporary folder, removed afterwards; runs that span
    /// files, repeated runs, unfinished runs and the office-hours rule are handled as the nightly job handles them.
    /// - Parameters:
    ///   - logs: The log files, each with its format: every one is a required source, so a missing file throws.
    ///   - catalog: The path of the task catalog (CSV) that maps the logs' names to tasks and baselines.
    ///   - fiscalYear: The calendar year the fiscal year begins in (2024 is April 2024 to March 2025).
    ///   - timeZone: The zone in which times without an offset are read and days are taken.
    ///   - rules: Targets, office hours, the AI-supported tasks' minimum uses and `pendingMaxHours`; the defaults
    ///     are a configuration file's.
    ///   - formats: The formats `logs` name: the built-in ones, and any a client registered.
    ///   - now: The time taken as now: a run that has not ended yet and is younger than `pendingMaxHours`
    ///     waits instead of counting.
    /// - Throws: `MeasureError.filesNotCounted` when a file cannot be counted at all, `CatalogError` when the
    ///   catalog cannot be used, `ConfigurationError` when a log is missing or a format unknown, and the store's
    ///   errors when the temporary folder cannot be written.
    public static func measure(
        logs: [LogFile], catalog: String, fiscalYear: Int, timeZone: TimeZone, rules: MeasureRules = MeasureRules(),
        formats: LogFormats = .builtIn, now: Date = Date()
    ) throws -> Figures {
        guard (2000...2100).contains(fiscalYear) else { throw MeasureError.fiscalYearOutOfRange(fiscalYear) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-measure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { Discard.temporary(folder) }
        let configuration = try MeasureConfiguration.make(
            logs: logs, catalog: catalog, database: folder.appendingPathComponent("kouka.sqlite").path, timeZone: timeZone,
            rules: rules, formats: formats)
        let clock = configuration.clock
        let silent = Logger(label: "kouka.measure") { _ in SwiftLogNoOpLogHandler() }
        let summary = try NightlyJob(configuration: configuration, logger: silent,
                                     options: NightlyOptions(today: clock.localDate(of: now), now: now)).run()
        let notCounted = IngestSummary(summary).filesNotCounted
        guard notCounted.isEmpty else { throw MeasureError.filesNotCounted(notCounted) }
        return try figures(configuration, fiscalYear: fiscalYear, today: clock.localDate(of: now))
    }

    /// A fiscal year's figures from the store of the configuration at `configuration`: what `kouka-report`
    /// states for that year, as of now. A `kouka-nightly` run recording into the store is waited for (up to 30
    /// minutes), so that the figures are never those of a night half recorded.
    /// - Throws: `ConfigurationError` when the configuration cannot be used or its store does not exist yet,
    ///   `CatalogError`, the store's errors when it cannot be read whole, and an error naming the nightly run to wait
    ///   for when it is still recording after the wait, or when the store's files were read in another time zone or with
    ///   other settings than the configuration gives (`kouka-nightly` reads them again first; the jobs exit 75).
    public static func figures(configuration: String, fiscalYear: Int, formats: LogFormats = .builtIn) throws -> Figures {
        guard (2000...2100).contains(fiscalYear) else { throw MeasureError.fiscalYearOutOfRange(fiscalYear) }
        return try figures(try Configuration.load(path: configuration, formats: formats), fiscalYear: fiscalYear, today: nil)
    }

    /// Reads what is new in every source of the configuration at `configuration` into its store: the nightly
    /// job's work, with `formats` (the built-in ones and any a client registered).
    /// - Throws: `ConfigurationError`, `CatalogError`, and the store's errors; a bad row or file does not throw,
    ///   it is in the summary.
    public static func ingest(configuration: String, formats: LogFormats = .builtIn, logger: Logger = Logger(label: "kouka")) throws -> IngestSummary {
        IngestSummary(try NightlyJob(configuration: try Configuration.load(path: configuration, formats: formats), logger: logger).run())
    }

    /// The events and rejections of one log file, as its format's parser reads them, without a store:
    /// no run is matched with other files, and nothing is rolled up.
    ///
    /// A run without its end waits (``LogReading/summary``'s pending runs) until it is `pendingMaxHours` old, then is an
    /// unfinished run, a failure: give the ``MeasureRules/pendingMaxHours`` a ``Meter`` fed with the events counts by, as
    /// the jobs read with `[nightly] pending_max_hours` (a run 30 hours open was charged its rework under rules of 72 hours).
    /// - Throws: `ConfigurationError` when the format is unknown, the options cannot work or `pendingMaxHours` is not
    ///   above 0, `FormatMismatch` when the file is not that format, and the reader's errors when it cannot be read.
    public static func read(_ log: LogFile, timeZone: TimeZone, formats: LogFormats = .builtIn, now: Date = Date(),
                            pendingMaxHours: Double = 24) throws -> LogReading {
        guard pendingMaxHours.isFinite, pendingMaxHours > 0 else {
            throw ConfigurationError(path: log.path, message: "pendingMaxHours \(pendingMaxHours) is not a number of hours above 0; give the hours a run may wait for its end (24 by default)")
        }
        let parser = try MeasureConfiguration.parser(for: log, formats: formats)
        let clock = LocalClock(zone: timeZone)
        let sink = LogReadingSink()
        let context = ParseContext(clock: clock, displayPath: log.path, encoding: log.encoding, today: clock.localDate(of: now), now: now,
                                   pendingMaxAge: pendingMaxHours * 3600)
        let summary = try parser.parse(path: log.path, context: context, into: sink)
        return LogReading(events: sink.events, rejections: sink.rejections, summary: summary)
    }

    private static func figures(_ configuration: Configuration, fiscalYear: Int, today: LocalDate?) throws -> Figures {
        try ReportContext.reading(configuration: configuration, today: today) { context in
            Figures(try context.report(.fiscalYear(FiscalYear(fiscalYear)), generatedAt: "", previous: nil))
        }
    }
}
