import ArgumentParser
import Kouka
import Logging

/// For auditors: targets against actuals, a verification of every figure against its sources, and what was
/// left out of a year's figures.
@main
struct KoukaAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kouka-audit", abstract: "Check Kouka's figures against the DX policy's targets and against their sources.",
        discussion: KoukaExitCode.help(findings: "a target not met (targets), a figure that differs from its sources (verify), rows left out (rejects)"),
        version: KoukaVersion.current, subcommands: [Targets.self, Verify.self, Rejects.self], defaultSubcommand: Targets.self)

    struct Common: ParsableArguments {
        @Option(name: .shortAndLong, help: "The configuration file (TOML).")
        var config = "kouka.toml"

        @Flag(name: .shortAndLong, help: "Log errors only.")
        var quiet = false

        @Option(help: "Also write the JSON summary to this file (replaced whole each run) and append it as one line to <file>.jsonl.")
        var summary: String?
    }

    /// Exit 0 when every target of the year is met, 1 when any is not.
    struct Targets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "targets", abstract: "Target against actual for each metric and year; exit 0 when all targets of the year are met, 1 when any is not.")

        @OptionGroup var common: Common

        @Option(name: .customLong("fiscal-year"), help: "The fiscal year whose targets decide the exit code.")
        var fiscalYear: Int

        @Flag(help: "Print a table for people instead of JSON.")
        var table = false

        func run() throws {
            JobRunner.bootstrapLogging(verbose: false, quiet: common.quiet)
            let logger = Logger(label: "kouka-audit")
            let code = JobRunner.run(job: "kouka-audit", logger: logger, print: table ? { TargetAudit.table($0) } : nil, summary: common.summary) {
                let summary = try TargetAudit(configuration: Configuration.load(path: common.config), fiscalYear: FiscalYear(fiscalYear)).run()
                return (summary, summary.exitCode)
            }
            if code != 0 { throw ExitCode(code) }
        }
    }

    /// Re-reads the sources and compares; exit 0 when everything agrees, 1 when anything differs.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Re-read every source in the ledger, check its SHA-256, recompute the figures and compare them with the store and the written reports.")

        @OptionGroup var common: Common

        @Option(name: .customLong("fiscal-year"), help: "Compare only this fiscal year's figures.")
        var fiscalYear: Int?

        @Flag(help: "Print the differences as a table for people instead of JSON.")
        var table = false

        func run() throws {
            JobRunner.bootstrapLogging(verbose: false, quiet: common.quiet)
            let logger = Logger(label: "kouka-audit")
            let code = JobRunner.run(job: "kouka-audit verify", logger: logger, print: table ? { VerifySummary.table($0) } : nil, summary: common.summary) {
                let summary = try VerifyAudit(configuration: Configuration.load(path: common.config),
                                              fiscalYears: fiscalYear.map { [FiscalYear($0)] }).run()
                for difference in summary.differences {
                    logger.warning("difference", metadata: ["kind": "\(difference.kind)", "subject": "\(difference.subject)", "detail": "\(difference.detail)"])
                }
                return (summary, summary.exitCode)
            }
            if code != 0 { throw ExitCode(code) }
        }
    }

    /// Lists what a fiscal year's figures left out; exit 0 when nothing was, 1 when anything was.
    struct Rejects: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rejects",
            abstract: "List the rows left out of a fiscal year's figures (quarantined rows dated in the year, rows whose date is unknown) and the files rejected whole or unreadable; exit 0 when there are none, 1 when there are.")

        @OptionGroup var common: Common

        @Option(name: .customLong("fiscal-year"), help: "The fiscal year whose rows to list (2024 is April 2024 to March 2025).")
        var fiscalYear: Int

        @Flag(help: "Print a table for people instead of JSON.")
        var table = false

        func run() throws {
            JobRunner.bootstrapLogging(verbose: false, quiet: common.quiet)
            let logger = Logger(label: "kouka-audit")
            let code = JobRunner.run(job: "kouka-audit rejects", logger: logger, print: table ? { RejectsAudit.table($0) } : nil, summary: common.summary) {
                let summary = try RejectsAudit(configuration: Configuration.load(path: common.config), fiscalYear: FiscalYear(fiscalYear)).run()
                return (summary, summary.exitCode)
            }
            if code != 0 { throw ExitCode(code) }
        }
    }
}
