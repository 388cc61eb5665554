import Foundation
import Kouka
import Testing

/// A robot's run that crossed two midnights: started at 23:50 on March 31, 2025 (FY2024), a line at noon on April 1,
/// its end at 00:20 on April 2. Its three logs may reach the folder on any night, in any order; whatever the order, the
/// run counts once, as it ended, in FY2024, and verify (which reads the three together) agrees.
///
/// By hand: catalog T01 saves 40 − 8 min per successful run, so 32 min = 0.53 h in FY2024, none in FY2025; the run is
/// neither unfinished nor a repeat.
@Suite struct RunAcrossTwoMidnightsTests {
    static let march31 = "logs/2025-03-31_Execution.log"
    static let april1 = "logs/2025-04-01_Execution.log"
    static let april2 = "logs/2025-04-02_Execution.log"

    /// The robot's start message: one Kouka knows, and one in a language it has no phrases for (which log holds a run's
    /// start is told by its lines, not by its words).
    static let startMessages = ["住民票郵送請求 execution started", "Exécution de 住民票郵送請求 démarrée"]

    /// `total`: the run's `totalExecutionTimeInSeconds`; the span is 88,200 s, and a job suspended and resumed states less,
    /// so that a later log read alone dates the run by its own first line.
    static func write(_ name: String, started: String, total: Int = 88_200, to city: TemporaryCity) throws {
        let line = switch name {
        case march31: IncrementalIngestTests.line("long", on: "2025-03-31", "23:50:00", message: started)
        case april1: IncrementalIngestTests.line("long", on: "2025-04-01", "12:00:00", message: "処理中")
        default: IncrementalIngestTests.line("long", on: "2025-04-02", "00:20:00", message: "住民票郵送請求 execution ended", end: total)
        }
        try city.write(name, line + "\r\n")
    }

    /// An order of arrival: on each night (02:00 on that day of April 2025), the logs that arrived since the last.
    struct Arrival: CustomTestStringConvertible, Sendable {
        var name: String
        var nights: [(day: Int, logs: [String])]
        var testDescription: String { name }
    }

    static let arrivals = [
        Arrival(name: "each on the night after its day", nights: [(1, [march31]), (2, [april1]), (3, [april2])]),
        Arrival(name: "the last first", nights: [(3, [april2]), (5, [march31, april1])]),
        Arrival(name: "the last first, then the first, then the middle", nights: [(3, [april2]), (4, [march31]), (6, [april1])]),
        Arrival(name: "the first counted unfinished, then the middle and the last", nights: [(4, [march31]), (6, [april1, april2])]),
        Arrival(name: "the first counted unfinished, then the last, then the middle", nights: [(4, [march31]), (5, [april2]), (7, [april1])]),
        Arrival(name: "the first and the middle, the last two nights late", nights: [(2, [march31, april1]), (3, []), (5, [april2])]),
        Arrival(name: "the middle first", nights: [(2, [april1]), (3, [march31]), (4, [april2])]),
    ]

    func night(_ city: TemporaryCity, _ day: Int, month: Int = 4) throws -> NightlySummary {
        let date = LocalDate(year: 2025, month: month, day: day)
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                              options: NightlyOptions(today: date, now: LocalClock.tokyo.instant(of: date, hour: 2, minute: 0, second: 0))).run()
    }

    func report(_ city: TemporaryCity, _ year: Int) throws -> YearReport {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(year), logger: .silent).build()
    }

    @Test(arguments: arrivals, [88_200, 3_600])
    func theRunCountsOnceAsItEndedWhateverTheOrder(arrival: Arrival, total: Int) throws {
        try countsOnce(arrival: arrival, started: Self.startMessages[0], total: total)
    }

    @Test(arguments: arrivals)
    func theRunOfARobotInAnotherLanguageCountsOnce(arrival: Arrival) throws {
        try countsOnce(arrival: arrival, started: Self.startMessages[1], total: 88_200)
    }

    func countsOnce(arrival: Arrival, started: String, total: Int) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var last: NightlySummary?
        for (day, logs) in arrival.nights {
            for log in logs { try Self.write(log, started: started, total: total, to: city) }
            last = try night(city, day)
        }
        #expect(last?.exitCode == .done, "logs arriving late are no finding: \(String(describing: last?.rejections))")
        let fy2024 = try report(city, 2024)
        #expect(fy2024.hoursSaved.total == 0.53)
        #expect(fy2024.tasks.first?.successes == 1)
        #expect(fy2024.tasks.first?.unfinished == 0)
        #expect(fy2024.exclusions.repeatedRuns == 0)
        #expect(try report(city, 2025).hoursSaved.total == 0)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        // Settled: the next night reads nothing again.
        let settled = try night(city, 9)
        #expect(settled.filesReadForEndedRuns.isEmpty)
        #expect(settled.filesUnchanged == 3)
    }

    /// The robot's logs also copied into a second folder, the copy's middle log read first (it counts the run unfinished,
    /// by its own day), then the original's last (which counts it ended, by its start's day): the copy's log is read again
    /// without the run, which counts once, as it ended.
    @Test func aCopyOfTheRobotsLogsInAnotherFolderCountsTheRunOnce() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: """
            [[source]]
            format = "uipath-execution-log"
            path = "logs/*/*_Execution.log"
            """)
        defer { city.remove() }
        for (log, folder, day) in [(Self.april1, "copy", 4), (Self.april2, "robot", 5)] {
            try Self.write(log, started: Self.startMessages[0], to: city)
            let from = city.root.appendingPathComponent(log), to = city.root.appendingPathComponent(log.replacingOccurrences(of: "logs/", with: "logs/\(folder)/"))
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: from, to: to)
            _ = try night(city, day)
        }
        let fy2024 = try report(city, 2024)
        #expect(fy2024.hoursSaved.total == 0.53)
        #expect(fy2024.tasks.first?.successes == 1)
        #expect(fy2024.tasks.first?.unfinished == 0)
        #expect(try report(city, 2025).tasks.first?.failures ?? 0 == 0)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }

    /// A job suspended over a weekend: started at 22:00 on Friday 2025-06-06, no log on Saturday or Sunday, ended at
    /// 09:30 on Monday with a total of 5,400 s. The robot's logs either side of the silent days hold one run: it counts
    /// once, as it ended, on Friday (40 − 8 min: 0.53 h in FY2025), whatever the order the two logs arrive in.
    @Test(arguments: [[(10, ["friday", "monday"])], [(7, ["friday"]), (10, ["monday"])], [(10, ["monday"]), (11, ["friday"])]])
    func aRunAcrossDaysWithoutALogCountsOnce(nights: [(day: Int, logs: [String])]) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        for (day, logs) in nights {
            for log in logs {
                if log == "friday" {
                    try city.write("logs/2025-06-06_Execution.log",
                                   IncrementalIngestTests.line("weekend", on: "2025-06-06", "22:00:00", message: Self.startMessages[1]) + "\r\n")
                } else {
                    try city.write("logs/2025-06-09_Execution.log", IncrementalIngestTests.line(
                        "weekend", on: "2025-06-09", "09:30:00", message: "住民票郵送請求 execution ended", end: 5_400) + "\r\n")
                }
            }
            _ = try night(city, day, month: 6)
        }
        let fy2025 = try report(city, 2025)
        #expect(fy2025.hoursSaved.total == 0.53)
        #expect(fy2025.tasks.first?.successes == 1)
        #expect(fy2025.tasks.first?.unfinished == 0)
        #expect(fy2025.exclusions.repeatedRuns == 0)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
