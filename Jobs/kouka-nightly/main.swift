import Foundation
import Kouka
import Logging

/// Reads new and changed logs into the store. Meant for cron: no prompts, JSON summary on stdout,
/// logfmt on stderr, exit codes as in the README.
let command = JobCommand(
    name: "kouka-nightly", abstract: "Ingest new and changed RPA and AI tool logs into the Kouka store.",
    exitCodes: KoukaExitCode.statuses(findings: "rejected rows or files, unmapped names, unfinished runs, or a source path that matches no file"),
    options: [
        .configuration,
        .summaryFile,
        .flag("dry-run", help: "Say what would be read (new, appended, unchanged); write nothing."),
        .text("since", help: "Read again, whole, every file with runs on or after this date (yyyy-MM-dd)."),
        .flag("strict", help: "Make rejected rows or files fail the run (exit 65) instead of exit 1."),
        .flag("accept-gone", help: "Mark as gone the counted files no longer at their paths even when most of them vanished at once (archived on purpose); their figures are kept. Without it, the run stops (exit 74) when more than half of the store's files (and at least 10) vanished: an unmounted share, another city's store, a wrong backup."),
        .flag("new-store", help: "Begin a new store at the database path although the report folder holds sets made from one (a store built again on purpose from the logs still on disk; kouka-report then refuses to replace a set the new store lacks files of). Without it, a missing store beside report sets stops the run (exit 74): its volume may not be mounted."),
        .flag("accept-store-edits", help: "Go on when the store's ledger or quarantine was changed outside kouka-nightly since the last run (once the change was looked into); kouka-audit verify then lists it as accepted. Without it, the run says so and exits 1, and verify names the change."),
        .text("today", hidden: true, help: "Take this local date (yyyy-MM-dd) as today, for logs still being written."),
        .verbose,
        .quiet,
    ])

JobMain.run(command) { arguments throws(JobUsageError) in
    let today = arguments.text("today"), since = arguments.text("since")
    let verbose = arguments.flag("verbose"), quiet = arguments.flag("quiet"), dryRun = arguments.flag("dry-run")
    if let today, LocalDate(today) == nil { throw JobUsageError("--today must be a date yyyy-MM-dd") }
    if let since, LocalDate(since) == nil { throw JobUsageError("--since must be a date yyyy-MM-dd") }
    if verbose && quiet { throw JobUsageError("--verbose and --quiet cannot both be given") }

    JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
    StopRequest.install()
    let logger = Logger(label: "kouka-nightly")
    var options = NightlyOptions(dryRun: dryRun, since: since.flatMap { LocalDate($0) }, strict: arguments.flag("strict"),
                                 progress: !quiet, today: today.flatMap { LocalDate($0) })
    options.acceptGone = arguments.flag("accept-gone")
    options.acceptStoreEdits = arguments.flag("accept-store-edits")
    options.newStore = arguments.flag("new-store")
    let config = arguments.text("config") ?? "kouka.toml", summaryPath = arguments.text("summary")
    let started = Date()
    var loaded: Configuration? = nil, finished: NightlySummary? = nil
    var code = JobRunner.run(job: "kouka-nightly", logger: logger, summary: summaryPath) {
        let configuration = try Configuration.load(path: config)
        loaded = configuration
        let summary = try NightlyJob(configuration: configuration, logger: logger, options: options).run()
        finished = summary
        return (summary, summary.exitCode)
    }
    // Failed runs too, once the configuration could be read: monitoring must see a run that stopped.
    if let loaded, !dryRun {
        code = NightlyMetrics.record(.init(started: started, ended: Date(), exitCode: code, summary: finished),
                                     configuration: loaded, today: options.today, logger: logger)
    }
    // The run was recorded with its own code; a summary or metrics file that could not be written after it changed the
    // process's: the job-run ledger says what cron saw.
    if let loaded, let finished, !dryRun, code != finished.exitCode.rawValue {
        do {
            try KoukaStore(path: loaded.databasePath).amendLastExitCode(job: "kouka-nightly", from: finished.exitCode.rawValue, to: code)
        } catch {
            logger.error("cannot record the exit code in the job-run ledger", metadata: ["exit": "\(code)", "reason": "\(error)"])
        }
    }
    return code
}
