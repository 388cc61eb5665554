import Foundation
import Kouka
import Testing

/// Logs change between nights — appended, half-written, rotated, truncated, deleted — and the nightly job
/// must end with the figures of one clean run over the final files.
@Suite struct IncrementalIngestTests {
    static let source = """
        [[source]]
        format = "uipath-execution-log"
        path = "logs/*_Execution.log"
        """
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民票の郵送請求,市民課,rpa,runs,40,8,10,2020-04-01,住民票郵送請求

        """

    /// One UiPath line of job `job` at `time` on 2024-05-01 (JST).
    static func line(_ job: String, _ time: String, end seconds: Int? = nil, error: Bool = false) -> String {
        let message = seconds != nil ? "住民票郵送請求 execution ended" : (error ? "画面要素が見つかりません" : "処理中")
        var fields = #""message":"\#(message)","level":"\#(error ? "Error" : "Information")","logType":"Default","timeStamp":"2024-05-01T\#(time).0000000+09:00","processName":"住民票郵送請求","jobId":"\#(job)""#
        if let seconds { fields += #","totalExecutionTimeInSeconds":\#(seconds)"# }
        return "\(time).0000 \(error ? "Error" : "Info") {\(fields)}"
    }

    static let fullDay = [
        line("j1", "09:00:00"), line("j1", "09:05:00", end: 300),
        line("j2", "10:00:00"), line("j2", "10:30:00"), line("j2", "10:40:00", end: 2400),
        line("j3", "13:00:00"), line("j3", "13:01:00", error: true), line("j3", "13:02:00", end: 120),
        line("j4", "15:00:00"), line("j4", "15:10:00", end: 600),
    ]

    func nightly(_ city: TemporaryCity, today: LocalDate, now: Date? = nil) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(today: today, now: now ?? LocalClock.tokyo.instant(of: today, hour: 12, minute: 0, second: 0))).run()
    }

    func report(_ city: TemporaryCity) throws -> YearReport {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
    }

    @Test func aLogReadThroughTheDayEndsWithTheFiguresOfOneCleanRun() throws {
        let day = LocalDate(year: 2024, month: 5, day: 1)
        let growing = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { growing.remove() }
        let file = "logs/2024-05-01_Execution.log"
        // 11:00: j1 ended, j2 still running, and the robot is half-way through writing a line.
        let lines = Self.fullDay
        let cut = lines[4].prefix(40)
        try growing.write(file, lines[0..<4].joined(separator: "\r\n") + "\r\n" + cut)
        let first = try nightly(growing, today: day)
        #expect(first.filesRead == 1)
        #expect(first.pendingRuns == 1, "j2 has not ended")
        #expect(first.rowsRejected == 0, "the half-written line is left for the next run, not rejected")
        #expect(try report(growing).tasks.first?.successes == 1)

        // 16:00: the rest of the day was appended.
        try growing.write(file, lines.joined(separator: "\r\n") + "\r\n")
        let second = try nightly(growing, today: day)
        #expect(second.filesAppended == 1)
        #expect(second.filesRead == 0)
        #expect(second.rowsRead == 6, "only the new lines are read: the finished half line and five more")
        #expect(second.pendingRuns == 0)

        // Nothing new: nothing read, nothing touched.
        let third = try nightly(growing, today: day)
        #expect(third.filesUnchanged == 1)
        #expect(third.rowsRead == 0)

        let clean = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { clean.remove() }
        try clean.write(file, lines.joined(separator: "\r\n") + "\r\n")
        _ = try nightly(clean, today: day.adding(days: 1))
        let incremental = try report(growing), once = try report(clean)
        #expect(incremental.tasks == once.tasks.map { var t = $0; t.sources = incremental.tasks.first?.sources ?? []; return t })
        #expect(incremental.hoursSaved == once.hoursSaved)
        // j1, j2, j4 succeeded: 3 × (40 − 8) = 96 min; j3 had a Default error: −10 min of rework.
        #expect(once.hoursSaved.total == 1.43)
        #expect(once.tasks.first?.failures == 1)
        let store = try KoukaStore(path: growing.root.appendingPathComponent("kouka.sqlite").path)
        let ledger = try #require(try store.source(path: file))
        #expect(ledger.sha256 == SHA256.hexDigest(ofFile: growing.root.appendingPathComponent(file).path), "the digest after an append is the whole file's")
    }

    @Test func aLogRotatedToANewNameIsNotCountedTwice() throws {
        let source = "[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*\"\n"
        let city = try TemporaryCity(catalog: Self.catalog, sources: source)
        defer { city.remove() }
        let day = LocalDate(year: 2024, month: 5, day: 1)
        try city.write("logs/2024-05-01_Execution.log", Self.fullDay.prefix(5).joined(separator: "\n") + "\n")
        _ = try nightly(city, today: day)
        // After midnight the robot's log is renamed, and the lines written before the rename are there too.
        let old = city.root.appendingPathComponent("logs/2024-05-01_Execution.log")
        let rotated = city.root.appendingPathComponent("logs/2024-05-01_Execution.log.1")
        try FileManager.default.moveItem(at: old, to: rotated)
        let handle = try FileHandle(forWritingTo: rotated)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((Self.fullDay.dropFirst(5).joined(separator: "\n") + "\n").utf8))
        try handle.close()
        let next = try nightly(city, today: day.adding(days: 1))
        #expect(next.filesRenamed == [.init(from: "logs/2024-05-01_Execution.log", to: "logs/2024-05-01_Execution.log.1")])
        #expect(next.filesAppended == 1)
        #expect(next.filesGone.isEmpty)
        #expect(next.rowsRead == 5)
        let report = try report(city)
        #expect(report.tasks.first?.successes == 3)
        #expect(report.tasks.first?.failures == 1)
        #expect(report.hoursSaved.total == 1.43)
    }

    @Test func aRunThatNeverEndsWaitsUntilItsFileClosesThenCountsOnce() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        let day = LocalDate(year: 2024, month: 5, day: 1)
        try city.write("logs/2024-05-01_Execution.log", [Self.line("j9", "09:00:00"), Self.line("j9", "09:01:00")].joined(separator: "\n") + "\n")
        #expect(try nightly(city, today: day).pendingRuns == 1)
        #expect(try report(city).tasks.isEmpty)
        // The next night the file is closed: the run is a failure, counted once however often the job runs.
        let next = try nightly(city, today: day.adding(days: 1))
        #expect(next.pendingRuns == 0)
        #expect(next.filesAppended == 1, "nothing new, but a waiting run is settled")
        _ = try nightly(city, today: day.adding(days: 2))
        #expect(try report(city).tasks.first?.failures == 1)
        #expect(try report(city).tasks.first?.successes == 0)
    }

    @Test func aStuckWinActorTaskBecomesAFailureAfterTheAllowedAge() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "PROCESSING", "2024/05/01 09:00:00"),
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2024, month: 5, day: 1)
        let soon = try nightly(city, today: day, now: LocalClock.tokyo.instant(of: day, hour: 10, minute: 0, second: 0))
        #expect(soon.pendingRuns == 1)
        let late = try nightly(city, today: day.adding(days: 1), now: LocalClock.tokyo.instant(of: day.adding(days: 1), hour: 10, minute: 0, second: 0))
        #expect(late.pendingRuns == 0)
        #expect(try report(city).tasks.first?.failures == 1)
    }

    @Test func truncatedAndRewrittenFilesAreReadWholeAndDeletedOnesKeepTheirFigures() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        let day = LocalDate(year: 2024, month: 5, day: 2)
        try city.write("logs/2024-05-01_Execution.log", Self.fullDay.joined(separator: "\n") + "\n")
        // Job ids are unique across days, as a robot's GUIDs are.
        try city.write("logs/2024-05-02_Execution.log", [Self.line("k1", "09:00:00"), Self.line("k1", "09:05:00", end: 300)].joined(separator: "\n") + "\n")
        _ = try nightly(city, today: day)
        #expect(try report(city).tasks.first?.successes == 4)
        // Truncated and rewritten with other content: read whole, its old contribution replaced.
        try city.write("logs/2024-05-01_Execution.log", Self.fullDay[8..<10].joined(separator: "\n") + "\n")
        let rewritten = try nightly(city, today: day)
        #expect(rewritten.filesRead == 1)
        #expect(rewritten.filesAppended == 0)
        #expect(try report(city).tasks.first?.successes == 2)
        // Deleted (rotated away): marked gone, its runs still count.
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/2024-05-02_Execution.log"))
        let afterDelete = try nightly(city, today: day)
        #expect(afterDelete.filesGone == ["logs/2024-05-02_Execution.log"])
        #expect(try report(city).tasks.first?.successes == 2)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.source(path: "logs/2024-05-02_Execution.log")?.status == .gone)
    }

    /// A file every row of which another file counts (an export whose runs an earlier one holds) has no rollups to date it:
    /// `--since` read only files with rollups on or after the day, so it left such a file as it was, and could not mend a
    /// run it should count and does not (verify's remedy; a 0.4.8 store whose answered copy of a question had left it out
    /// to the copy saved before the answer). Its rows left out are dated too.
    @Test func sinceReadsAgainAFileWhoseEveryRowAnotherCounts() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let run = TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2024/05/01 10:00:00")
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([run]), encoding: .shiftJIS)
        _ = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 1))
        try city.write("logs/b.csv", TemporaryCity.winActorCSV([run, run]), encoding: .shiftJIS)
        _ = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 1))
        #expect(try city.store().rejections().map(\.file) == ["logs/b.csv", "logs/b.csv"], "b's rows are a's run")
        let forced = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                    options: NightlyOptions(since: LocalDate(year: 2024, month: 4, day: 1))).run()
        #expect(forced.filesRead == 2)
        #expect(try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
            .tasks.first?.successes == 1, "read again, still once")
        let later = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                   options: NightlyOptions(since: LocalDate(year: 2024, month: 5, day: 2))).run()
        #expect(later.filesRead == 0, "nothing of either file is dated on or after the day")
    }

    @Test func sinceReadsAgainTheFilesOfThatPeriod() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2024/05/01 10:00:00")]), encoding: .shiftJIS)
        try city.write("logs/b.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2023/05/01 10:00:00")]), encoding: .shiftJIS)
        _ = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 1))
        let forced = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                    options: NightlyOptions(since: LocalDate(year: 2024, month: 4, day: 1))).run()
        #expect(forced.filesRead == 1)
        #expect(forced.filesUnchanged == 1)
        #expect(try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
            .tasks.first?.successes == 1, "read again, not counted twice")
    }

    @Test func aDryRunSaysWhatItWouldReadAndWritesNothing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2024/05/01 10:00:00")]), encoding: .shiftJIS)
        let plan = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(dryRun: true)).run()
        #expect(plan.planned.map(\.plan) == ["full"])
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("kouka.sqlite").path))
        _ = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 1))
        let again = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(dryRun: true)).run()
        #expect(again.planned.map(\.plan) == ["unchanged"])
    }

    @Test func strictTurnsRejectsIntoAFailingRun() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2024/13/01 10:00:00")]), encoding: .shiftJIS)
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(strict: true)).run()
        #expect(summary.exitCode == .dataError)
        #expect(summary.rejectionReasons == ["column 開始日時 is not a date-time": 1])
    }

    @Test func aRequiredSourcePathThatMatchesNoFileStopsTheRunBeforeAnyWork() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        var configuration = try Configuration.load(path: city.configPath)
        for index in configuration.sources.indices { configuration.sources[index].required = true }
        #expect(throws: ConfigurationError.self) {
            try NightlyJob(configuration: configuration, logger: .silent).run()
        }
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("kouka.sqlite").path))
    }

    @Test func aSourcePathThatMatchesNoFileIsAFindingNamedInTheSummary() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent).run()
        #expect(summary.exitCode == .doneWithFindings)
        #expect(!summary.sourcesMissing.isEmpty)
    }
}

extension IncrementalIngestTests {
    /// One UiPath line of `job` at `time` on `date`.
    static func line(_ job: String, on date: String, _ time: String, message: String, end seconds: Int? = nil) -> String {
        var fields = #""message":"\#(message)","level":"Information","logType":"Default","timeStamp":"\#(date)T\#(time).0000000+09:00","processName":"住民票郵送請求","jobId":"\#(job)""#
        if let seconds { fields += #","totalExecutionTimeInSeconds":\#(seconds)"# }
        return "\(time).0000 Info {\(fields)}"
    }

    @Test func aJobThatRunsPastMidnightOfMarch31IsOneRunOfTheYearItStartedIn() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/2024-03-31_Execution.log", [
            Self.line("m1", on: "2024-03-31", "23:50:00", message: "住民票郵送請求 execution started"),
            Self.line("m1", on: "2024-03-31", "23:55:00", message: "処理中"),
        ].joined(separator: "\r\n") + "\r\n")
        // At 00:10 the robot rolled over to April's log; the job is still running.
        let april = "logs/2024-04-01_Execution.log"
        try city.write(april, Self.line("m1", on: "2024-04-01", "00:05:00", message: "処理中") + "\r\n")
        let night = try nightly(city, today: LocalDate(year: 2024, month: 4, day: 1))
        #expect(night.pendingRuns == 1, "March's log is closed, but the job goes on in April's")
        // It ends at 00:20, and another job runs on April 1.
        try city.write(april, [
            Self.line("m1", on: "2024-04-01", "00:05:00", message: "処理中"),
            Self.line("m1", on: "2024-04-01", "00:20:00", message: "住民票郵送請求 execution ended", end: 1800),
            Self.line("a2", on: "2024-04-01", "09:00:00", message: "住民票郵送請求 execution started"),
            Self.line("a2", on: "2024-04-01", "09:10:00", message: "住民票郵送請求 execution ended", end: 600),
        ].joined(separator: "\r\n") + "\r\n")
        let next = try nightly(city, today: LocalDate(year: 2024, month: 4, day: 2))
        #expect(next.pendingRuns == 0)
        let fy2023 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2023), logger: .silent).build()
        let fy2024 = try report(city)
        // m1 started at 23:50 on March 31: one success of FY2023, not a failure there and a success in April.
        #expect(fy2023.tasks.first?.successes == 1)
        #expect(fy2023.tasks.first?.failures == 0)
        #expect(fy2024.tasks.first?.successes == 1, "only a2")
        #expect(fy2024.tasks.first?.failures == 0)
        // m1's end, which its hours rest on, is in April's log: FY2023's sources list it beside March's.
        #expect(fy2023.sources.map(\.path) == ["logs/2024-03-31_Execution.log", april], "\(fy2023.sources.map(\.path))")
    }

    /// A run whose start's log holds only its start and whose next day's log holds only its end: both logs are the
    /// report's sources, the second though it counts no run of its own; and so when the second arrives first.
    @Test(arguments: [false, true])
    func theLogHoldingOnlyARunsEndIsAmongTheReportsSources(endFirst: Bool) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        let start = "logs/2024-11-12_Execution.log", end = "logs/2024-11-13_Execution.log"
        let writeStart = { try city.write(start, Self.line("n1", on: "2024-11-12", "23:50:00", message: "住民票郵送請求 execution started") + "\r\n") }
        let writeEnd = { try city.write(end, Self.line("n1", on: "2024-11-13", "00:20:00", message: "住民票郵送請求 execution ended", end: 1800) + "\r\n") }
        if endFirst { try writeEnd() } else { try writeStart() }
        _ = try nightly(city, today: LocalDate(year: 2024, month: 11, day: 13))
        if endFirst { try writeStart() } else { try writeEnd() }
        _ = try nightly(city, today: LocalDate(year: 2024, month: 11, day: 14))
        let fy2024 = try report(city)
        #expect(fy2024.tasks.first?.successes == 1)
        #expect(fy2024.sources.map(\.path) == [start, end], "\(fy2024.sources.map(\.path))")
    }
}

extension IncrementalIngestTests {
    @Test func aJobInTwoCopiesOfARobotsLogIsCountedOnce() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: """
            [[source]]
            format = "uipath-execution-log"
            path = "*/*_Execution.log"
            """)
        defer { city.remove() }
        // The robot's own log, and a copy collected earlier that has only its first jobs: not the same bytes.
        try city.write("a-robot/2024-05-01_Execution.log", Self.fullDay.joined(separator: "\n") + "\n")
        try city.write("b-backup/2024-05-01_Execution.log", Self.fullDay.prefix(5).joined(separator: "\n") + "\n")
        let summary = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 1))
        #expect(summary.filesRead == 2)
        #expect(summary.rejections.map(\.line) == [1, 3])
        #expect(summary.rejections.first?.reason == "jobId is already counted in another file: a-robot/2024-05-01_Execution.log, the same run, counted once")
        let counted = try report(city)
        #expect(counted.tasks.first.map { $0.successes + $0.failures } == 4, "j1–j4, once each")
        #expect(counted.exclusions.repeatedRuns == 2)
        // The next night nothing changes, and nothing is counted again.
        let again = try nightly(city, today: LocalDate(year: 2024, month: 6, day: 2))
        #expect(again.filesUnchanged == 2)
        #expect(try report(city).tasks.first.map { $0.successes + $0.failures } == 4)
    }
}
