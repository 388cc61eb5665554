import Kouka
import Logging

/// For auditors: targets against actuals, a verification of every figure against its sources, and what was
/// left out of a year's figures.
let common: [JobOption] = [.configuration, .quiet, .summaryFile]

let command = JobCommand(
    name: "kouka-audit", abstract: "Check Kouka's figures against the DX policy's targets and against their sources.",
    exitCodes: KoukaExitCode.statuses(findings: "a target not met (targets), a figure that differs from its sources (verify), rows left out (rejects)"),
    subcommands: [
        // Exit 0 when every target of the year is met, 1 when any is not.
        JobCommand(name: "targets", abstract: "Target against actual for each metric and year; exit 0 when all targets of the year are met, 1 when any is not.",
                   options: common + [
                       .integer("fiscal-year", required: true, help: "The fiscal year whose targets decide the exit code."),
                       .flag("table", help: "Print a table for people instead of JSON."),
                   ]),
        // Re-reads the sources and compares; exit 0 when everything agrees, 1 when anything differs.
        JobCommand(name: "verify", abstract: "Re-read every source in the ledger, check its SHA-256, recompute the figures and compare them with the store and the written reports.",
                   options: common + [
                       .integer("fiscal-year", help: "Compare only this fiscal year's figures."),
                       .flag("table", help: "Print the differences as a table for people instead of JSON."),
                   ]),
        // Lists what a fiscal year's figures left out; exit 0 when nothing was, 1 when anything was.
        JobCommand(name: "rejects", abstract: "List the rows left out of a fiscal year's figures (quarantined rows dated in the year, rows whose date is unknown) and the files rejected whole or unreadable; exit 0 when there are none, 1 when there are.",
                   options: common + [
                       .integer("fiscal-year", required: true, help: "The fiscal year whose rows to list (2024 is April 2024 to March 2025)."),
                       .flag("table", help: "Print a table for people instead of JSON."),
                   ]),
    ],
    defaultSubcommand: "targets")

JobMain.run(command) { arguments throws(JobUsageError) in
    let quiet = arguments.flag("quiet"), table = arguments.flag("table")
    let config = arguments.text("config") ?? "kouka.toml", summaryPath = arguments.text("summary")
    let fiscalYear = arguments.integer("fiscal-year")
    // Required of targets and rejects, so the arguments were not read without it.
    func year() throws(JobUsageError) -> FiscalYear {
        guard let fiscalYear else { throw JobUsageError("Missing expected argument '--fiscal-year <fiscal-year>'") }
        return FiscalYear(fiscalYear)
    }
    JobRunner.bootstrapLogging(verbose: false, quiet: quiet)
    let logger = Logger(label: "kouka-audit")
    switch arguments.subcommand {
    case "verify":
        return JobRunner.run(job: "kouka-audit verify", logger: logger, print: table ? { VerifySummary.table($0) } : nil, summary: summaryPath) {
            let summary = try VerifyAudit(configuration: Configuration.load(path: config), fiscalYears: fiscalYear.map { [FiscalYear($0)] }).run()
            for difference in summary.differences {
                logger.warning("difference", metadata: ["kind": "\(difference.kind)", "subject": "\(difference.subject)", "detail": "\(difference.detail)"])
            }
            return (summary, summary.exitCode)
        }
    case "rejects":
        let year = try year()
        return JobRunner.run(job: "kouka-audit rejects", logger: logger, print: table ? { RejectsAudit.table($0) } : nil, summary: summaryPath) {
            let summary = try RejectsAudit(configuration: Configuration.load(path: config), fiscalYear: year).run()
            return (summary, summary.exitCode)
        }
    default:
        let year = try year()
        return JobRunner.run(job: "kouka-audit", logger: logger, print: table ? { TargetAudit.table($0) } : nil, summary: summaryPath) {
            let summary = try TargetAudit(configuration: Configuration.load(path: config), fiscalYear: year).run()
            return (summary, summary.exitCode)
        }
    }
}
