import ArgumentParser
import Foundation
import Kouka
import Logging

/// Writes one fiscal year's (or one month's) report — HTML, Excel, JSON, Markdown, CSV — from the store.
@main
struct KoukaReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kouka-report", abstract: "Write a fiscal year's or a month's hours-saved report from the Kouka store.",
        discussion: KoukaExitCode.help(findings: nil), version: KoukaVersion.current)

    @Option(name: .shortAndLong, help: "The configuration file (TOML).")
    var config = "kouka.toml"

    @Option(name: .customLong("fiscal-year"), help: "The fiscal year by the calendar year it starts in: 2024 is 令和6年度 (April 2024 – March 2025).")
    var fiscalYear: Int?

    @Option(help: "A month (yyyy-MM) for the departments' monthly report, instead of a fiscal year.")
    var month: String?

    @Option(help: "A range of fiscal years (2021-2025, the DX policy's 令和3〜7年度) for the whole-period report, instead of a fiscal year.")
    var period: String?

    @Option(name: .shortAndLong, help: "The output folder (default: the configuration's output).")
    var output: String?

    @Option(help: "The generation time stated in the reports (ISO 8601), for byte-identical output.")
    var generatedAt: String?

    @Option(help: "Also write the JSON summary to this file (replaced whole each run) and append it as one line to <file>.jsonl.")
    var summary: String?

    @Flag(help: "Also write the CSV tables in Shift_JIS for older Excel.")
    var csvShiftJIS = false

    @Option(help: ArgumentHelp("Take this local date (yyyy-MM-dd) as today, for the year-to-date projection.", visibility: .hidden))
    var today: String?

    @Flag(name: .shortAndLong, help: "Log every step.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log errors only.")
    var quiet = false

    func validate() throws {
        guard [fiscalYear != nil, month != nil, period != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --fiscal-year, --month or --period")
        }
        if let period, PeriodArgument.years(period) == nil {
            throw ValidationError("--period must be two fiscal years such as 2021-2025, the first not after the second, at most 10 years")
        }
        if let fiscalYear, !(2000...2100).contains(fiscalYear) { throw ValidationError("--fiscal-year must be a year such as 2024") }
        if let month, period(month: month) == nil { throw ValidationError("--month must be a month such as 2024-05") }
        if let generatedAt, ISO8601DateFormatter().date(from: generatedAt) == nil {
            throw ValidationError("--generated-at must be an ISO 8601 time such as 2025-04-10T05:00:00+09:00")
        }
        if let today, LocalDate(today) == nil { throw ValidationError("--today must be a date yyyy-MM-dd") }
    }

    func period(month text: String) -> ReportPeriod? {
        guard let date = LocalDate(text + "-01") else { return nil }
        return .month(year: date.year, month: date.month)
    }

    func run() throws {
        JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
        let logger = Logger(label: "kouka-report")
        if let years = period.flatMap(PeriodArgument.years) { return try runPeriod(years, logger: logger) }
        let period = fiscalYear.map { ReportPeriod.fiscalYear(FiscalYear($0)) } ?? period(month: month!)!
        let options = ReportOptions(
            period: period, outputFolder: output, generatedAt: generatedAt.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(),
            shiftJISCSV: csvShiftJIS, today: today.flatMap { LocalDate($0) })
        let code = JobRunner.run(job: "kouka-report", logger: logger, summary: summary) {
            let configuration = try Configuration.load(path: config)
            let summary = try ReportJob(configuration: configuration, options: options, logger: logger).run()
            return (summary, summary.exitCode)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// The whole-period report: its own report set, every figure from the yearly reports.
    func runPeriod(_ years: ClosedRange<Int>, logger: Logger) throws {
        let options = ReportOptions(
            period: .fiscalYear(FiscalYear(years.upperBound)), outputFolder: output,
            generatedAt: generatedAt.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(), shiftJISCSV: csvShiftJIS,
            today: today.flatMap { LocalDate($0) })
        let code = JobRunner.run(job: "kouka-report", logger: logger) {
            let configuration = try Configuration.load(path: config)
            let summary = try PeriodReportJob(configuration: configuration, years: years, options: options, logger: logger).run()
            return (summary, summary.exitCode)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// `--period 2021-2025`: fiscal years by the calendar year they start in.
enum PeriodArgument {
    static func years(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }), let first = Int(parts[0]), let last = Int(parts[1]),
              (2000...2100).contains(first), (2000...2100).contains(last), first <= last, last - first < 10 else { return nil }
        return first...last
    }
}
