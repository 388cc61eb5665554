import Foundation
import Kouka
import Logging

/// Writes one fiscal year's (or one month's) report — HTML, Excel, JSON, Markdown, CSV — from the store.
let command = JobCommand(
    name: "kouka-report", abstract: "Write a fiscal year's or a month's hours-saved report from the Kouka store.",
    exitCodes: KoukaExitCode.statuses(findings: "runs of the period were still running when the store was last read (runsStillRunning): make the report again after the next nightly run; or the set replaced stated settled figures otherwise (restated): the new set lists them under 改訂, find why before it is published; or a 速報 was made on a day its period's settled figures were due (preliminary), the store's last nights not read: run kouka-nightly, then make the report again"),
    options: [
        .configuration,
        .integer("fiscal-year", help: "The fiscal year by the calendar year it starts in: 2024 is 令和6年度 (April 2024 – March 2025)."),
        .text("month", help: "A month (yyyy-MM) for the departments' monthly report, instead of a fiscal year."),
        .text("period", help: "A range of fiscal years (2021-2025, the DX policy's 令和3〜7年度) for the whole-period report, instead of a fiscal year."),
        .text("output", short: "o", help: "The output folder (default: the configuration's output)."),
        .text("generated-at", help: "The generation time stated in the reports (ISO 8601), for byte-identical output."),
        .summaryFile,
        .flag("csv-shift-jis", help: "Also write the CSV tables in Shift_JIS for older Excel."),
        .text("today", hidden: true, help: "Take this local date (yyyy-MM-dd) as today, for the year-to-date projection."),
        .verbose,
        .quiet,
    ])

JobMain.run(command) { arguments throws(JobUsageError) in
    let fiscalYear = arguments.integer("fiscal-year"), month = arguments.text("month"), period = arguments.text("period")
    let generatedAtText = arguments.text("generated-at"), today = arguments.text("today")
    let verbose = arguments.flag("verbose"), quiet = arguments.flag("quiet")
    guard [fiscalYear != nil, month != nil, period != nil].filter({ $0 }).count == 1 else {
        throw JobUsageError("give one of --fiscal-year, --month or --period")
    }
    let years = period.flatMap(PeriodArgument.years)
    if period != nil && years == nil {
        throw JobUsageError("--period must be two fiscal years such as 2021-2025, the first not after the second, at most 10 years")
    }
    if let fiscalYear, !(2000...2100).contains(fiscalYear) { throw JobUsageError("--fiscal-year must be a year such as 2024") }
    let monthPeriod = month.flatMap(MonthArgument.period)
    if month != nil && monthPeriod == nil { throw JobUsageError("--month must be a month such as 2024-05, of fiscal year 2000 to 2100") }
    let generatedAt = generatedAtText.flatMap { ISO8601DateFormatter().date(from: $0) }
    if generatedAtText != nil && generatedAt == nil {
        throw JobUsageError("--generated-at must be an ISO 8601 time such as 2025-04-10T05:00:00+09:00")
    }
    if let today, LocalDate(today) == nil { throw JobUsageError("--today must be a date yyyy-MM-dd") }

    JobRunner.bootstrapLogging(verbose: verbose, quiet: quiet)
    let logger = Logger(label: "kouka-report")
    let config = arguments.text("config") ?? "kouka.toml"
    // The whole-period report: its own report set, every figure from the yearly reports.
    if let years {
        let options = ReportOptions(period: .fiscalYear(FiscalYear(years.upperBound)), outputFolder: arguments.text("output"),
                                    generatedAt: generatedAt ?? Date(), shiftJISCSV: arguments.flag("csv-shift-jis"),
                                    today: today.flatMap { LocalDate($0) })
        // --summary too: monitoring that reads the file would otherwise take the last fiscal year's run for this one.
        return JobRunner.run(job: "kouka-report", logger: logger, summary: arguments.text("summary")) {
            let configuration = try Configuration.load(path: config)
            let summary = try PeriodReportJob(configuration: configuration, years: years, options: options, logger: logger).run()
            return (summary, summary.exitCode)
        }
    }
    let reportPeriod: ReportPeriod
    if let fiscalYear {
        reportPeriod = .fiscalYear(FiscalYear(fiscalYear))
    } else if let monthPeriod {
        reportPeriod = monthPeriod
    } else {
        throw JobUsageError("give one of --fiscal-year, --month or --period")
    }
    let options = ReportOptions(period: reportPeriod,
                                outputFolder: arguments.text("output"), generatedAt: generatedAt ?? Date(),
                                shiftJISCSV: arguments.flag("csv-shift-jis"), today: today.flatMap { LocalDate($0) })
    return JobRunner.run(job: "kouka-report", logger: logger, summary: arguments.text("summary")) {
        let configuration = try Configuration.load(path: config)
        let summary = try ReportJob(configuration: configuration, options: options, logger: logger).run()
        return (summary, summary.exitCode)
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

/// `--month 2024-05`: one calendar month.
enum MonthArgument {
    /// A month of a fiscal year `--fiscal-year` takes (2000 to 2100): `1999-12` was written as 平成11年12月 where FY1999 is refused
    /// (helper-144 #4).
    static func period(_ text: String) -> ReportPeriod? {
        guard let date = LocalDate(text + "-01"), (2000...2100).contains(FiscalYear(containing: date).startYear) else { return nil }
        return .month(year: date.year, month: date.month)
    }
}
