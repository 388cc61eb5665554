import ArgumentParser
import Foundation
import Kouka
import Logging

/// Reads new and changed logs into the store. Meant for cron: no prompts, JSON summary on stdout,
/// logfmt on stderr, exit codes as in the README.
@main
struct KoukaNightly: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kouka-nightly", abstract: "Ingest new and changed RPA and AI tool logs into the Kouka store.",
        discussion: KoukaExitCode.help(findings: "rejected rows or files, unmapped names, unfinished runs, or a source path that matches no file"),
        version: KoukaVersion.current)

    @Option(name: .shortAndLong, help: "The configuration file (TOML).")
    var config = "kouka.toml"

    @Option(help: "Also write the JSON summary to this file (replaced whole each run) and append it as one line to <file>.jsonl.")
    var summary: String?

    @Flag(help: "Say what would be read (new, appended, unchanged); write nothing.")
    var dryRun = false

    @Option(help: "Read again, whole, every file with runs on or after this date (yyyy-MM-dd).")
    var since: String?

    @Flag(help: "Make rejected rows or files fail the run (exit 65) instead of exit 1.")
    var strict = false

    @Flag(help: "Mark as gone the counted files no longer at their paths even when most of them vanished at once (archived on purpose); their figures are kept. Without it, the run stops (exit 74) when more than half of the store's files (and at least 10) vanished: an unmounted share, another city's store, a wrong backup.")
    var acceptGone = false

    @Flag(help: "Go on when the store's ledger or quarantine was changed outside kouka-nightly since the last run (once the change was looked into); kouka-audit verify then lists it as accepted. Without it, the run says so and exits 1, and verify names the change.")
    var acceptStoreEdits = false

    @Option(help: ArgumentHelp("Take this local date (yyyy-MM-dd) as today, for logs still being written.", visibility: .hidden))
    var today: String?

    @Flag(name: .shortAndLong, help: "Log every step.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log errors only.")
    var quiet = false

    func validate() throws {
        if let today, LocalDate(today) == nil { throw ValidationError("--today must be a date yyyy-MM-dd") }
        if let since, LocalDate(since) == nil { throw ValidationError("--since must be a date yyyy-MM-dd") }
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot both be given") }
    }

    func run() throws {
        JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
        StopRequest.install()
        let logger = Logger(label: "kouka-nightly")
        var options = NightlyOptions(dryRun: dryRun, since: since.flatMap { LocalDate($0) }, strict: strict, progress: !quiet,
                                     today: today.flatMap { LocalDate($0) })
        options.acceptGone = acceptGone
        options.acceptStoreEdits = acceptStoreEdits
        let started = Date()
        var loaded: Configuration? = nil, finished: NightlySummary? = nil
        var code = JobRunner.run(job: "kouka-nightly", logger: logger, summary: summary) {
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
        if code != 0 { throw ExitCode(code) }
    }
}
