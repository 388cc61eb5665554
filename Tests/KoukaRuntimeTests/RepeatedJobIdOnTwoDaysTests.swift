import Foundation
@testable import Kouka
import Testing

/// A robot writes one job id on two days, each time a whole run with its own end (an id reused, or lines copied from
/// the day before's log). A job id is one run: one counts, the other is rejected with its reason, whatever order the
/// logs arrive in and whatever language the robot writes, and verify agrees.
///
/// By hand: catalog T01 saves 40 − 8 min per successful run, so one run is 32 min = 0.53 h in FY2025, with 1 success
/// and 1 rejected row; counted twice it would be 1.07 h.
@Suite struct RepeatedJobIdOnTwoDaysTests {
    static let june10 = "logs/2025-06-10_Execution.log"
    static let june11 = "logs/2025-06-11_Execution.log"
    static let june13 = "logs/2025-06-13_Execution.log"

    /// A start message Kouka knows, and one in a language it has no phrases for.
    static let languages = [("住民票郵送請求 execution started", "住民票郵送請求 execution ended"),
                            ("Exécution de 住民票郵送請求 démarrée", "Exécution de 住民票郵送請求 terminée")]

    static func write(_ name: String, language: Int, to city: TemporaryCity) throws {
        let day = String(name.dropFirst("logs/".count).prefix(10))
        let (started, ended) = languages[language]
        try city.write(name, [
            IncrementalIngestTests.line("reused", on: day, "09:00:00", message: started),
            IncrementalIngestTests.line("reused", on: day, "09:10:00", message: ended, end: 600),
        ].joined(separator: "\r\n") + "\r\n")
    }

    static let arrivals = [
        RunAcrossTwoMidnightsTests.Arrival(name: "both together", nights: [(12, [june10, june11])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "each on the night after its day", nights: [(11, [june10]), (12, [june11])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "the later first", nights: [(12, [june11]), (13, [june10])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "across two days without a log, the later first", nights: [(14, [june13]), (15, [june10])]),
    ]

    func night(_ city: TemporaryCity, _ day: Int) throws -> NightlySummary {
        let date = LocalDate(year: 2025, month: 6, day: day)
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                              options: NightlyOptions(today: date, now: LocalClock.tokyo.instant(of: date, hour: 2, minute: 0, second: 0))).run()
    }

    @Test(arguments: arrivals, [0, 1])
    func aJobIdThatEndedOnAnotherDayCountsOnceAndIsSaid(arrival: RunAcrossTwoMidnightsTests.Arrival, language: Int) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var exitCodes: [KoukaExitCode] = []
        var rejections: [String] = []
        for (day, logs) in arrival.nights {
            for log in logs { try Self.write(log, language: language, to: city) }
            let summary = try night(city, day)
            exitCodes.append(summary.exitCode)
            rejections += summary.rejections.map { "\($0.file):\($0.line)" }
        }
        // Right or loud: the night that reads the second copy of the id says so.
        #expect(exitCodes.last == .doneWithFindings, "\(rejections)")
        #expect(rejections.count == 1, "\(rejections)")
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 0.53)
        #expect(fy2025.tasks.first?.successes == 1)
        #expect(fy2025.exclusions.rejectedRows + fy2025.exclusions.repeatedRuns == 1)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let settled = try night(city, 20)
        #expect(settled.filesReadForEndedRuns.isEmpty)
        #expect(settled.filesUnchanged == 2)
    }
}

/// One job id in three days' logs, each a whole run, read in order: the middle log leaves it out as counted in the first,
/// and the last, whose log before counts nothing of it, finds it in the first too.
@Suite struct RepeatedJobIdOnThreeDaysTests {
    @Test(arguments: [0, 1])
    func anIdInThreeLogsCountsOnce(language: Int) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var exitCodes: [KoukaExitCode] = []
        for day in [10, 11, 12] {
            try RepeatedJobIdOnTwoDaysTests.write("logs/2025-06-\(day)_Execution.log", language: language, to: city)
            exitCodes.append(try RepeatedJobIdOnTwoDaysTests().night(city, day + 1).exitCode)
        }
        #expect(exitCodes == [.done, .doneWithFindings, .doneWithFindings])
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 0.53)
        #expect(fy2025.tasks.first?.successes == 1)
    }
}

/// Two robots' logs in one folder, named `<date>_<robot>_Execution.log`: a robot's logs of other days are its own, not the
/// other robot's of the same day, whatever the order of the names.
@Suite struct RepeatedJobIdBesideOtherRobotsTests {
    @Test func theRobotsOwnLogOfTheDayBeforeIsTheOneCompared() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let (started, ended) = RepeatedJobIdOnTwoDaysTests.languages[0]
        func write(_ day: String, robot: String, job: String) throws {
            try city.write("logs/\(day)_\(robot)_Execution.log", [
                IncrementalIngestTests.line(job, on: day, "09:00:00", message: started),
                IncrementalIngestTests.line(job, on: day, "09:10:00", message: ended, end: 600),
            ].joined(separator: "\r\n") + "\r\n")
        }
        // Robot a reuses its id on June 11; robot b's logs sort between a's and hold other ids.
        try write("2025-06-11", robot: "a", job: "reused")
        try write("2025-06-11", robot: "b", job: "b-2")
        _ = try RepeatedJobIdOnTwoDaysTests().night(city, 12)
        try write("2025-06-10", robot: "a", job: "reused")
        try write("2025-06-10", robot: "b", job: "b-1")
        let second = try RepeatedJobIdOnTwoDaysTests().night(city, 13)
        #expect(second.exitCode == .doneWithFindings)
        #expect(second.rejections.map(\.file) == ["logs/2025-06-11_a_Execution.log"], "\(second.rejections)")
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        // Three runs of 0.53 h: a's once, b's two.
        #expect(fy2025.tasks.first?.successes == 3)
    }
}

/// The robot's name before the date (`RPA-SV01_2025-06-10_Execution.log`), as a city names the logs it gathers from several
/// robots into one folder: the name's date is the log's day, today's log is still open, and the robot's logs of other
/// days are its own.
@Suite struct RobotNameBeforeTheDateTests {
    @Test func theLogsDayIsTheDateInItsNameWhereverItIs() throws {
        #expect(DatedLogName("logs/RPA-SV01_2025-06-10_Execution.log").map { ($0.date, String($0.prefix), String($0.rest)) }! ==
                (LocalDate(year: 2025, month: 6, day: 10), "RPA-SV01_", "_Execution.log"))
        #expect(DatedLogName("logs/RPA-SV01_2025-06-10_Execution.log")?.path(on: LocalDate(year: 2025, month: 6, day: 9)) ==
                "logs/RPA-SV01_2025-06-09_Execution.log")
        #expect(DatedLogName("logs/2025-06-10_Execution.log")?.prefix == "")
        #expect(DatedLogName("logs/12025-06-10_Execution.log") == nil, "no date that a digit touches")
        #expect(DatedLogName("logs/Execution.log") == nil)
    }

    @Test func aRunPastMidnightCountsOnceAndTodaysHalfLineWaits() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let (started, ended) = RepeatedJobIdOnTwoDaysTests.languages[0]
        for robot in ["RPA-SV01", "RPA-SV02"] {
            try city.write("logs/\(robot)_2025-06-10_Execution.log", IncrementalIngestTests.line("\(robot)-long", on: "2025-06-10", "23:50:00", message: started) + "\r\n")
            try city.write("logs/\(robot)_2025-06-11_Execution.log", [
                IncrementalIngestTests.line("\(robot)-long", on: "2025-06-11", "00:20:00", message: ended, end: 1800),
                IncrementalIngestTests.line("\(robot)-today", on: "2025-06-11", "09:00:00", message: started),
            ].joined(separator: "\r\n") + "\r\n" + String(IncrementalIngestTests.line("\(robot)-today", on: "2025-06-11", "09:10:00", message: ended, end: 600).prefix(40)))
        }
        // June 11, 12:00: the day's logs are still being written.
        let date = LocalDate(year: 2025, month: 6, day: 11)
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                     options: NightlyOptions(today: date, now: LocalClock.tokyo.instant(of: date, hour: 12, minute: 0, second: 0))).run()
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        #expect(summary.pendingRuns == 2, "each robot's run of today waits for its end")
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.tasks.first?.successes == 2, "each robot's run past midnight, once")
    }
}
