import Foundation
import Logging

/// The metrics `kouka-nightly` leaves for node_exporter's textfile collector (`[monitoring] textfile`),
/// written after every run whose configuration could be read, failed runs included, so an alert can
/// fire on a run that stopped, a run that did not happen (its start time grows old), or a year falling
/// behind its targets.
///
/// The fiscal year's figures are the report's own: the store is read through the report's model
/// (`ReportContext.report`), never summed a second way.
package enum NightlyMetrics {
    /// What a run tells the metrics file.
    package struct Run {
        package var started: Date
        package var ended: Date
        /// The exit code the process ends with.
        package var exitCode: Int32
        /// The run's summary; nil when the run stopped on an error (its counts are then left out, not zeroed).
        package var summary: NightlySummary?

        package init(started: Date, ended: Date, exitCode: Int32, summary: NightlySummary?) {
            self.started = started
            self.ended = ended
            self.exitCode = exitCode
            self.summary = summary
        }
    }

    /// The current fiscal year's figures against its targets. A figure is nil when the year's logs hold no record of its
    /// tools, which the report states as 記録なし, not as 0.
    struct YearFigures {
        var fiscalYear: FiscalYear
        var rpaHours: Double?
        var aiTasks: Int?
        var targets: YearTargets
    }

    /// Writes the metrics file for `run` when the configuration names one, and returns the exit code the
    /// process should end with: 73 when the file cannot be written and the run had not already failed.
    package static func record(_ run: Run, configuration: Configuration, today: LocalDate?, logger: Logger) -> Int32 {
        guard let path = configuration.monitoringTextfile else { return run.exitCode }
        let year = FiscalYear(containing: today ?? configuration.clock.localDate(of: run.ended))
        var figures: YearFigures? = nil
        do {
            figures = try yearFigures(year, configuration: configuration)
        } catch {
            logger.warning("the fiscal year's figures are left out of the metrics: the store cannot be read as a report reads it",
                           metadata: ["fiscalYear": "\(year.startYear)", "reason": "\(error)"])
        }
        do {
            try AtomicFile.replace(path, with: Data(text(run, figures: figures, fiscalYear: year).utf8), mode: 0o644)
            return run.exitCode
        } catch {
            logger.error("cannot write the metrics file", metadata: ["file": "\(path)", "reason": "\(error.reason)"])
            return run.exitCode >= KoukaExitCode.usage.rawValue ? run.exitCode : KoukaExitCode.cannotWrite.rawValue
        }
    }

    /// The fiscal year's RPA hours and AI-supported tasks as the year's report states them.
    static func yearFigures(_ year: FiscalYear, configuration: Configuration) throws -> YearFigures {
        // The run that just ended, finished or not: its metrics say which (exit code, interrupted).
        try ReportContext.reading(configuration: configuration, unfinishedNight: true, removedDigests: true) { context in
            let report = try context.report(.fiscalYear(year), generatedAt: "", previous: nil)
            let rpa = PolicyPeriodBuilder.hasRecords(report, rpa: true) ? report.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0 : nil
            let ai = PolicyPeriodBuilder.hasRecords(report, rpa: false) ? report.aiTasks.filter(\.counted).count : nil
            return YearFigures(fiscalYear: year, rpaHours: rpa, aiTasks: ai, targets: configuration.targets.targets(for: year))
        }
    }

    /// Each finding of `summary` that says a counted figure moved or may be wrong, with how many files it names (those a run
    /// killed before stating them left for this one included).
    static func findings(_ summary: NightlySummary) -> [(String, Int)] {
        let unreported = summary.unreported
        return [
            ("filesLosingRuns", summary.filesLosingRuns.count + unreported.filesLosingRuns.count),
            ("filesRestatingDays", summary.filesRestatingDays.count + unreported.filesRestatingDays.count),
            ("robotLogsRewritten", summary.robotLogsRewritten.count + unreported.robotLogsRewritten.count),
            ("runsFromStudio", summary.runsFromStudio.count + unreported.runsFromStudio.count),
            ("filesEditedInStore", summary.filesEditedInStore.count),
            ("filesGoneWhileWritten", summary.filesGoneWhileWritten.count),
            ("storeEditedSince", summary.storeEditedSince == nil ? 0 : 1),
            ("catalogRowsChanged", summary.catalogRowsChanged.count),
            ("uiPathWorkCountedTwice", summary.uiPathWorkCountedTwice.count),
            ("filesMatchedTwice", summary.filesMatchedTwice.count),
            ("filesUnsettled", summary.filesUnsettled.count),
            ("unfinishedRunsEndedElsewhere", summary.unfinishedRunsEndedElsewhere.count),
            ("rollupDigestsRemoved", summary.rollupDigestsRemoved.count),
            // A city's first night, or a store missing (its volume not mounted): 1 once, the night it was begun.
            ("storeBegun", summary.storeBegun == nil ? 0 : 1),
        ]
    }

    /// The file's text.
    static func text(_ run: Run, figures: YearFigures?, fiscalYear: FiscalYear) -> String {
        var out = PrometheusText()
        let prefix = "kouka_nightly_last_run_"
        out.gauge(prefix + "start_timestamp_seconds", help: "When the last kouka-nightly run started, in seconds since the Unix epoch.",
                  (run.started.timeIntervalSince1970 * 1000).rounded() / 1000)
        out.gauge(prefix + "end_timestamp_seconds", help: "When the last kouka-nightly run ended, in seconds since the Unix epoch.",
                  (run.ended.timeIntervalSince1970 * 1000).rounded() / 1000)
        out.gauge("kouka_nightly_last_exit_code", help: "The last kouka-nightly run's exit code (0 done, 1 findings, 64 and above failed; see kouka-nightly --help).",
                  Double(run.exitCode))
        if let summary = run.summary {
            let counts: [(String, String, Int)] = [
                ("files_read", "Files the last run read whole.", summary.filesRead),
                ("files_appended", "Files the last run read on from where the run before stopped.", summary.filesAppended),
                ("rows_read", "Rows the last run read.", summary.rowsRead),
                ("rows_rejected", "Rows the last run rejected (see kouka-audit rejects).", summary.rowsRejected),
                ("files_rejected", "Files the last run rejected whole or could not read.", summary.filesRejected.count + summary.filesUnreadable.count),
                ("unmapped_names", "Names the last run saw that the task catalog does not map.", summary.unmapped.count),
                ("pending_runs", "Runs still in progress that the last run found, to be counted once they end.", summary.pendingRuns),
                ("unfinished_runs", "Runs the last run found that never reported their end, counted as failures.", summary.runsUnfinished),
                ("sources_missing", "Sources whose path matched no file in the last run.", summary.sourcesMissing.count),
            ]
            for (name, help, value) in counts { out.gauge(prefix + name, help: help, Double(value)) }
            // The findings that say a figure moved or may be wrong, each by its summary key: an exit 1 also means a row
            // rejected or a name unmapped, so an alert on the exit code alone cannot tell them apart (helper-185 #4).
            out.gauge("kouka_nightly_last_run_findings",
                      help: "Findings of the last run that say a counted figure moved or may be wrong, by the summary's key (files, or 1 for storeEditedSince and storeBegun); alert on any above 0.",
                      findings(summary).map { (labels: [("kind", $0.0)], value: Double($0.1)) })
        }
        let label = [("fiscal_year", "\(fiscalYear.startYear)")]
        out.gauge("kouka_fiscal_year_figures_available", help: "1 when the fiscal year's figures below could be read from the store as the report reads them, 0 when not.",
                  [(labels: label, value: figures == nil ? 0 : 1)])
        if let figures {
            // A year whose logs hold no record of the tools has no figure (the report's 記録なし): left out, not 0, which
            // would read as a year that saved nothing.
            out.gauge("kouka_fiscal_year_rpa_hours_saved", help: "Hours saved by RPA in the fiscal year so far, as kouka-report states them; absent while the year's logs hold no record of the robots.",
                      figures.rpaHours.map { [(labels: label, value: $0)] } ?? [])
            out.gauge("kouka_fiscal_year_ai_tasks", help: "Tasks counted as AI-supported in the fiscal year so far, as kouka-report states them; absent while the year's logs hold no record of the AI tools.",
                      figures.aiTasks.map { [(labels: label, value: Double($0))] } ?? [])
            // A target the configuration removes ("none") is left out rather than written as 0.
            out.gauge("kouka_fiscal_year_rpa_hours_target", help: "The fiscal year's target for hours saved by RPA ([targets] in kouka.toml).",
                      figures.targets.rpaHours.map { [(labels: label, value: $0)] } ?? [])
            out.gauge("kouka_fiscal_year_ai_tasks_target", help: "The fiscal year's target for AI-supported tasks ([targets] in kouka.toml).",
                      figures.targets.aiTasks.map { [(labels: label, value: Double($0))] } ?? [])
        }
        return out.text
    }
}
