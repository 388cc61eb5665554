import ArgumentParser
import KoukaCore
import KoukaRuntime
import Logging

/// Writes one fiscal year's report (JSON, Markdown, CSV) from the store.
@main
struct KoukaReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kouka-report", abstract: "Write a fiscal year's hours-saved report from the Kouka store.")

    @Option(name: .shortAndLong, help: "The configuration file (TOML).")
    var config = "kouka.toml"

    @Option(name: .customLong("fiscal-year"), help: "The fiscal year by the calendar year it starts in: 2024 is 令和6年度 (April 2024 – March 2025).")
    var fiscalYear: Int

    @Option(name: .shortAndLong, help: "The output folder (default: the configuration's output).")
    var output: String?

    @Flag(name: .shortAndLong, help: "Log every step.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log errors only.")
    var quiet = false

    func validate() throws {
        guard (2000...2100).contains(fiscalYear) else { throw ValidationError("--fiscal-year must be a year such as 2024") }
    }

    func run() throws {
        JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
        let logger = Logger(label: "kouka-report")
        let code = JobRunner.run(job: "kouka-report", logger: logger) {
            let configuration = try Configuration.load(path: config)
            let summary = try ReportJob(configuration: configuration, fiscalYear: FiscalYear(fiscalYear), outputFolder: output, logger: logger).run()
            return (summary, summary.exitCode)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
