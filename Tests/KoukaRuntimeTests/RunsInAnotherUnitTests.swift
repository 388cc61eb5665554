import Foundation
@testable import Kouka
import Testing

/// A successful run whose catalog row counts another unit saves nothing: the night its file is read says so (exit 1), as
/// it says of an unmapped name, not only the reports' `unitMismatches` (helper-124: a row written in 件, which reads as
/// items, left a robot's task counted in runs at 0 h, every job exiting 0).
///
/// By hand: one successful run of T01 at 40 − 8 min = 32 min = 0.53 h with the row in runs; with the row in items the log
/// gives no item, so 0 h, and the night names the file.
struct RunsInAnotherUnitTests {
    static func city(unit: String) throws -> TemporaryCity {
        let catalog = IncrementalIngestTests.catalog.replacingOccurrences(of: ",rpa,runs,", with: ",rpa,\(unit),")
        let city = try TemporaryCity(catalog: catalog, sources: IncrementalIngestTests.source)
        try city.write("logs/2025-06-10_Execution.log", [
            IncrementalIngestTests.line("j1", on: "2025-06-10", "09:00:00", message: "住民票郵送請求 execution started"),
            IncrementalIngestTests.line("j1", on: "2025-06-10", "09:10:00", message: "住民票郵送請求 execution ended", end: 600),
        ].joined(separator: "\r\n") + "\r\n")
        return city
    }

    /// A UiPath line of job `job` on `day`, with `extra` JSON fields after its job id (a transaction's status, a run's time).
    static func line(_ job: String, _ day: String, _ time: String, _ message: String, _ extra: String = "") -> String {
        IncrementalIngestTests.line(job, on: day, time, message: message).replacingOccurrences(of: #""jobId":"\#(job)""#, with: #""jobId":"\#(job)""# + extra)
    }

    static func night(unit: String) throws -> (summary: NightlySummary, hours: Double) {
        let city = try city(unit: unit)
        defer { city.remove() }
        let summary = try RepeatedJobIdOnTwoDaysTests().night(city, 11)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        return (summary, report.hoursSaved.total)
    }

    @Test func aRunInTheCatalogsUnitIsNoFinding() throws {
        let (summary, hours) = try Self.night(unit: "runs")
        #expect(summary.runsInAnotherUnit.isEmpty)
        #expect(summary.exitCode == .done)
        #expect(hours == 0.53)
    }

    @Test(arguments: ["items", "件"])
    func aRunInAnotherUnitIsNamedTheNightItIsRead(unit: String) throws {
        let (summary, hours) = try Self.night(unit: unit)
        #expect(hours == 0)
        #expect(summary.exitCode == .doneWithFindings)
        #expect(summary.runsInAnotherUnit.map(\.path) == ["logs/2025-06-10_Execution.log"])
        #expect(summary.runsInAnotherUnit.first?.reason.hasPrefix("1 successful run(s) (1.00 units) of T01 住民票郵送請求: the log gives runs, the catalog row of 2020-04-01 counts items") == true,
                "\(summary.runsInAnotherUnit)")
    }

    /// A run killed after recording the file never said so: the next run states it from the store, as it states an
    /// unmapped name such a run left.
    @Test func aRunThatDiedAfterRecordingTheFileLeavesItToTheNext() throws {
        let city = try Self.city(unit: "items")
        defer { city.remove() }
        #expect(try RepeatedJobIdOnTwoDaysTests().night(city, 11).runsInAnotherUnit.count == 1)
        try city.store().db.execute("UPDATE job_runs SET state = 'running', ended_at = NULL, exit_code = NULL, notices_reported = 0")
        let next = try RepeatedJobIdOnTwoDaysTests().night(city, 11)
        #expect(next.runsInAnotherUnit.isEmpty)
        #expect(next.unreported.runsInAnotherUnit.map(\.path) == ["logs/2025-06-10_Execution.log"])
        #expect(next.exitCode == .doneWithFindings)
    }

    /// helper-129: a queue robot counted in items whose run found the queue empty gives a run and no item; it saved nothing
    /// and lost nothing, so it is no finding, where another run of the task gives items (in this log or an earlier one).
    @Test func aQueueRobotsRunThatFoundItsQueueEmptyIsNoFinding() throws {
        let city = try Self.city(unit: "items")
        defer { city.remove() }
        func line(_ job: String, _ time: String, _ message: String, _ extra: String = "") -> String {
            IncrementalIngestTests.line(job, on: "2025-06-10", time, message: message).replacingOccurrences(of: #""jobId":"\#(job)""#, with: #""jobId":"\#(job)""# + extra)
        }
        try city.write("logs/2025-06-10_Execution.log", [
            line("q1", "09:00:00", "住民票郵送請求 execution started"), line("q1", "09:01:00", "Transaction ended", #","transactionStatus":"Successful""#),
            line("q1", "09:02:00", "Transaction ended", #","transactionStatus":"Successful""#),
            line("q1", "09:10:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":600"#),
            line("q2", "10:00:00", "住民票郵送請求 execution started"), line("q2", "10:01:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":60"#),
        ].joined(separator: "\r\n") + "\r\n")
        let summary = try RepeatedJobIdOnTwoDaysTests().night(city, 11)
        #expect(summary.runsInAnotherUnit.isEmpty, "\(summary.runsInAnotherUnit)")
        #expect(summary.exitCode == .done)
        // By hand: 2 items × (40 − 8) min = 64 min = 1.07 h; the empty run saves nothing.
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(report.hoursSaved.total == 1.07)
        // The next day's log holds only an empty run: the task gives items in the earlier one, so again no finding.
        try city.write("logs/2025-06-11_Execution.log", [
            IncrementalIngestTests.line("q3", on: "2025-06-11", "10:00:00", message: "住民票郵送請求 execution started"),
            IncrementalIngestTests.line("q3", on: "2025-06-11", "10:01:00", message: "住民票郵送請求 execution ended", end: 60),
        ].joined(separator: "\r\n") + "\r\n")
        let next = try RepeatedJobIdOnTwoDaysTests().night(city, 12)
        #expect(next.runsInAnotherUnit.isEmpty, "\(next.runsInAnotherUnit)")
    }

    /// A first import (or a store made again): the queue robot's log of a day its queue was empty comes first in path order,
    /// before any log of the task's items. The night names nothing once every file is recorded, and no report lists the
    /// empty runs among the unit mismatches (helper-130: exit 1 with advice to move the task's items into mismatches).
    @Test func aQueueRobotsEmptyRunReadBeforeItsItemsIsNoFindingNorAMismatch() throws {
        let city = try Self.city(unit: "items")
        defer { city.remove() }
        try city.write("logs/2025-06-09_Execution.log", [
            IncrementalIngestTests.line("q0", on: "2025-06-09", "10:00:00", message: "住民票郵送請求 execution started"),
            IncrementalIngestTests.line("q0", on: "2025-06-09", "10:01:00", message: "住民票郵送請求 execution ended", end: 60),
        ].joined(separator: "\r\n") + "\r\n")
        func line(_ job: String, _ time: String, _ message: String, _ extra: String = "") -> String {
            IncrementalIngestTests.line(job, on: "2025-06-10", time, message: message).replacingOccurrences(of: #""jobId":"\#(job)""#, with: #""jobId":"\#(job)""# + extra)
        }
        try city.write("logs/2025-06-10_Execution.log", [
            line("q1", "09:00:00", "住民票郵送請求 execution started"), line("q1", "09:01:00", "Transaction ended", #","transactionStatus":"Successful""#),
            line("q1", "09:10:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":600"#),
        ].joined(separator: "\r\n") + "\r\n")
        let summary = try RepeatedJobIdOnTwoDaysTests().night(city, 11)
        #expect(summary.runsInAnotherUnit.isEmpty, "\(summary.runsInAnotherUnit)")
        #expect(summary.exitCode == .done)
        // By hand: 1 item × (40 − 8) min = 32 min = 0.53 h; the empty run saves nothing and is one of the task's successes.
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(report.hoursSaved.total == 0.53)
        #expect(report.exclusions.unitMismatchRuns == 0)
        #expect(report.unitMismatches.isEmpty, "\(report.unitMismatches)")
    }

    /// Runs of another tool's source that maps no items (a robot moved from UiPath to an export without 処理件数), under the
    /// task's row in items: runs in another unit, though the UiPath logs give the task's items (helper-134: the runs were
    /// counted nowhere and named nowhere, exit 0). Only a UiPath log's run without transactions is an empty queue's.
    @Test func runsOfAnotherFormatUnderAnItemsRowAreNamedThoughUiPathGivesItems() throws {
        let catalog = IncrementalIngestTests.catalog.replacingOccurrences(of: ",rpa,runs,", with: ",rpa,items,")
        let city = try TemporaryCity(catalog: catalog, sources: IncrementalIngestTests.source + """

            [[source]]
            format = "rpa-csv"
            path = "bizrobo/*.csv"
            [source.columns]
            task = "robot"
            start = "start"
            end = "end"
            status = "status"
            [source.values]
            success = ["ok"]
            """)
        defer { city.remove() }
        func line(_ job: String, _ time: String, _ message: String, _ extra: String = "") -> String {
            IncrementalIngestTests.line(job, on: "2025-06-11", time, message: message).replacingOccurrences(of: #""jobId":"\#(job)""#, with: #""jobId":"\#(job)""# + extra)
        }
        try city.write("logs/2025-06-10_Execution.log", [
            IncrementalIngestTests.line("j1", on: "2025-06-10", "09:00:00", message: "住民票郵送請求 execution started"),
            IncrementalIngestTests.line("j1", on: "2025-06-10", "09:10:00", message: "住民票郵送請求 execution ended", end: 600),
        ].joined(separator: "\r\n") + "\r\n")
        try city.write("logs/2025-06-11_Execution.log", [
            line("q1", "09:00:00", "住民票郵送請求 execution started"), line("q1", "09:01:00", "Transaction ended", #","transactionStatus":"Successful""#),
            line("q1", "09:10:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":600"#),
        ].joined(separator: "\r\n") + "\r\n")
        try city.write("bizrobo/runs.csv", "robot,start,end,status\n住民票郵送請求,2025-06-12 09:00:00,2025-06-12 09:05:00,ok\n")
        let summary = try RepeatedJobIdOnTwoDaysTests().night(city, 13)
        #expect(summary.runsInAnotherUnit.map(\.path) == ["bizrobo/runs.csv"], "\(summary.runsInAnotherUnit)")
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(report.exclusions.unitMismatchRuns == 1, "the rpa-csv run; the UiPath logs' empty run of 06-10 is no mismatch")
    }

    /// A month in which the queue robot's queue was empty every day: its report does not list the runs as mismatches, as the
    /// year's and the nightly do not, the task giving items in other months (helper-141).
    @Test func aMonthOfEmptyQueuesIsNoMismatchWhereTheTaskGivesItemsInAnother() throws {
        let city = try Self.city(unit: "items")
        defer { city.remove() }
        try city.write("logs/2025-05-12_Execution.log", [
            Self.line("q1", "2025-05-12", "09:00:00", "住民票郵送請求 execution started"),
            Self.line("q1", "2025-05-12", "09:01:00", "Transaction ended", #","transactionStatus":"Successful""#),
            Self.line("q1", "2025-05-12", "09:10:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":600"#),
        ].joined(separator: "\r\n") + "\r\n")
        _ = try RepeatedJobIdOnTwoDaysTests().night(city, 11)
        // June holds only the empty run of 06-10 (the city's own log).
        let day = LocalDate(year: 2025, month: 7, day: 5)
        let options = ReportOptions(period: .month(year: 2025, month: 6), generatedAt: LocalClock.tokyo.instant(of: day, hour: 4, minute: 0, second: 0), today: day)
        let june = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
        #expect(june.exclusions.unitMismatchRuns == 0)
        #expect(june.unitMismatches.isEmpty, "\(june.unitMismatches)")
    }

    /// A queue robot whose first items came in a month after: the earlier month's report is made and verified by what the
    /// store held through its own last day, so that a later month's items do not change a signed month's figures (helper-142:
    /// verify named the set edited).
    @Test func aLaterMonthsItemsDoNotChangeAnEarlierMonthsMismatches() throws {
        let city = try Self.city(unit: "items")
        defer { city.remove() }
        try city.write("logs/2025-07-02_Execution.log", [
            Self.line("q1", "2025-07-02", "09:00:00", "住民票郵送請求 execution started"),
            Self.line("q1", "2025-07-02", "09:01:00", "Transaction ended", #","transactionStatus":"Successful""#),
            Self.line("q1", "2025-07-02", "09:10:00", "住民票郵送請求 execution ended", #","totalExecutionTimeInSeconds":600"#),
        ].joined(separator: "\r\n") + "\r\n")
        let day = LocalDate(year: 2025, month: 7, day: 5)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))).run()
        let options = ReportOptions(period: .month(year: 2025, month: 6), generatedAt: LocalClock.tokyo.instant(of: day, hour: 4, minute: 0, second: 0), today: day)
        let june = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
        #expect(june.exclusions.unitMismatchRuns == 1, "through June 30 the task gave no item")
        let year = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(year.exclusions.unitMismatchRuns == 0, "through the year's end it gave July's")
    }
}
