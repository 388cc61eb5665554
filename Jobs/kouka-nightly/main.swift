import ArgumentParser
import KoukaCore
import KoukaRuntime
import Logging

/// Reads new and changed logs into the store. Meant for cron: no prompts, JSON summary on stdout,
/// logfmt on stderr, exit codes as in the README.
@main
struct KoukaNightly: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kouka-nightly", abstract: "Ingest new and changed RPA and AI tool logs into the Kouka store.")

    @Option(name: .shortAndLong, help: "The configuration file (TOML).")
    var config = "kouka.toml"

    @Option(help: ArgumentHelp("Take this local date (yyyy-MM-dd) as today, for logs still being written.", visibility: .hidden))
    var today: String?

    @Flag(name: .shortAndLong, help: "Log every step.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log errors only.")
    var quiet = false

    func validate() throws {
        if let today, LocalDate(today) == nil { throw ValidationError("--today must be a date yyyy-MM-dd") }
    }

    func run() throws {
        JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
        let logger = Logger(label: "kouka-nightly")
        let code = JobRunner.run(job: "kouka-nightly", logger: logger) {
            let configuration = try Configuration.load(path: config)
            let summary = try NightlyJob(configuration: configuration, logger: logger, today: today.flatMap { LocalDate($0) }).run()
            return (summary, summary.exitCode)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
