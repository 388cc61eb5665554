import Foundation
@testable import Kouka
import Testing

/// A robot's run rejected in its own log for a line that cannot be read (it may be the Error line that failed it), and its
/// start and end lines copied into the next day's log (a log shipper sending lines again): the copy is no run of its own,
/// whatever order the logs arrive in. Before, it counted as a success, every night exiting 0 once the first log was read
/// (helper-117, seed 44: 0.53 h shown 1.07 h).
///
/// By hand: catalog T01 saves 40 − 8 min per successful run. The next day's own run `fresh` is 32 min = 0.53 h in FY2025,
/// 1 success; the rejected run and its copy count nothing.
@Suite struct CopiedLinesOfARejectedRunTests {
    static let june10 = "logs/2025-06-10_Execution.log"
    static let june11 = "logs/2025-06-11_Execution.log"
    static let started = "住民票郵送請求 execution started"
    static let ended = "住民票郵送請求 execution ended"

    static func line(_ job: String, _ day: String, _ time: String, _ message: String, _ end: Int?) -> String {
        IncrementalIngestTests.line(job, on: day, time, message: message, end: end)
    }

    static func write(_ name: String, to city: TemporaryCity) throws {
        let lines = name == june10
            ? [Self.line("reused", "2025-06-10", "09:00:00", Self.started, nil),
               #"09:05:00.0000 Error {"message":"画面要素が見つかりま"#,
               Self.line("reused", "2025-06-10", "09:10:00", Self.ended, 600)]
            : [Self.line("reused", "2025-06-10", "09:00:00", Self.started, nil), Self.line("reused", "2025-06-10", "09:10:00", Self.ended, 600),
               Self.line("fresh", "2025-06-11", "10:00:00", Self.started, nil), Self.line("fresh", "2025-06-11", "10:10:00", Self.ended, 600)]
        try city.write(name, lines.joined(separator: "\r\n") + "\r\n")
    }

    static let arrivals = [
        RunAcrossTwoMidnightsTests.Arrival(name: "both together", nights: [(12, [june10, june11])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "each on the night after its day", nights: [(11, [june10]), (12, [june11])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "the later first", nights: [(12, [june11]), (13, [june10])]),
    ]

    @Test(arguments: arrivals)
    func theCopyOfARejectedRunIsNotCounted(arrival: RunAcrossTwoMidnightsTests.Arrival) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var exitCodes: [KoukaExitCode] = []
        var rejections: [String] = []
        var readAgain: [String] = []
        for (day, logs) in arrival.nights {
            for log in logs { try Self.write(log, to: city) }
            let summary = try RepeatedJobIdOnTwoDaysTests().night(city, day)
            exitCodes.append(summary.exitCode)
            rejections += summary.rejections.map { "\($0.file):\($0.line) \($0.reason)" }
            readAgain += summary.filesReadForEndedRuns.map(\.path)
        }
        // Right or loud: the night that reads the later of the two logs says what it did not count. Read first, the copy
        // looks a run of its own; the earlier log, once there, has it read again. Read in order, no log is read twice.
        #expect(exitCodes.last == .doneWithFindings, "\(rejections)")
        #expect(readAgain == (arrival.nights.first?.logs == [Self.june11] ? [Self.june11] : []))
        #expect(rejections.contains { $0.hasPrefix("\(Self.june11):1 jobId reused already ended in") }, "\(rejections)")
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 0.53)
        #expect(fy2025.tasks.first?.successes == 1)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let settled = try RepeatedJobIdOnTwoDaysTests().night(city, 20)
        #expect(settled.filesReadForEndedRuns.isEmpty)
        #expect(settled.filesUnchanged == 2)
    }

    /// No false alarm: a run whose start line is dated the day before (a robot's clock a moment behind at midnight) and
    /// whose id the day before's log does not hold counts as ever.
    @Test func aStartDatedTheDayBeforeWhoseIdTheEarlierLogLacksCounts() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write(Self.june10, Self.line("other", "2025-06-10", "09:00:00", Self.started, nil) + "\r\n"
            + Self.line("other", "2025-06-10", "09:10:00", Self.ended, 600) + "\r\n")
        try city.write(Self.june11, Self.line("late", "2025-06-10", "23:59:59", Self.started, nil) + "\r\n"
            + Self.line("late", "2025-06-11", "00:10:00", Self.ended, 600) + "\r\n")
        let summary = try RepeatedJobIdOnTwoDaysTests().night(city, 12)
        #expect(summary.exitCode == .done, "\(summary.rejections)")
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.tasks.first?.successes == 2)
        #expect(fy2025.hoursSaved.total == 1.07)
    }

    /// A robot's line in its own zone (`offset`), as UiPath writes it.
    static func line(_ job: String, _ stamp: String, _ message: String, end: Int? = nil) -> String {
        var fields = #""message":"\#(message)","level":"Information","logType":"Default","timeStamp":"\#(stamp)","processName":"住民票郵送請求","jobId":"\#(job)""#
        if let end { fields += #","totalExecutionTimeInSeconds":\#(end)"# }
        return "\(stamp.dropFirst(11).prefix(8)).0000 Info {\(fields)}"
    }

    /// helper-126: a robot whose clock is behind Tokyo's writes its evening to the log of its own day, the next day in Tokyo
    /// (20:00 at −05:00 is 10:00 in Tokyo the day after), and lines copied from two logs back, with a log between, were
    /// looked for in the log before only: both copies counted, in either order. The rejected run's copy is found by the
    /// day its lines say, in the log of that day.
    @Test(arguments: [false, true], [false, true])
    func copiesAreFoundByTheDayTheirLinesSay(robotBehindTokyo: Bool, laterFirst: Bool) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let zone = robotBehindTokyo ? "-05:00" : "+09:00", hour = robotBehindTokyo ? "20" : "09"
        let rejected = [Self.line("reused", "2025-06-10T\(hour):00:00.000\(zone)", Self.started), #"\#(hour):05:00.0000 Error {"message":"画面要素が見つかりま"#,
                        Self.line("reused", "2025-06-10T\(hour):10:00.000\(zone)", Self.ended, end: 600)]
        let copy = [Self.line("reused", "2025-06-10T\(hour):00:00.000\(zone)", Self.started), Self.line("reused", "2025-06-10T\(hour):10:00.000\(zone)", Self.ended, end: 600)]
        func own(_ day: String, _ job: String) -> [String] {
            [Self.line(job, "\(day)T\(hour):00:00.000\(zone)", Self.started), Self.line(job, "\(day)T\(hour):10:00.000\(zone)", Self.ended, end: 600)]
        }
        // Without a robot behind Tokyo, the copy is two logs on, with an ordinary day's log between.
        let copyDay = robotBehindTokyo ? "2025-06-11" : "2025-06-12"
        var logs = [("logs/2025-06-10_Execution.log", rejected), ("logs/\(copyDay)_Execution.log", copy + own(copyDay, "fresh"))]
        if !robotBehindTokyo { logs.insert(("logs/2025-06-11_Execution.log", own("2025-06-11", "between")), at: 1) }
        if laterFirst { logs.reverse() }
        var exitCodes: [KoukaExitCode] = []
        for (night, (name, lines)) in logs.enumerated() {
            try city.write(name, lines.joined(separator: "\r\n") + "\r\n")
            exitCodes.append(try RepeatedJobIdOnTwoDaysTests().night(city, 13 + night).exitCode)
        }
        // By hand: the fresh run (and the one between) at 32 min each; the rejected run and its copy nothing.
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.tasks.first?.successes == (robotBehindTokyo ? 1 : 2), "\(exitCodes)")
        #expect(fy2025.hoursSaved.total == (robotBehindTokyo ? 0.53 : 1.07))
        #expect(exitCodes.contains(.doneWithFindings))
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
