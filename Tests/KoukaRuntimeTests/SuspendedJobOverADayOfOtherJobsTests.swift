import Foundation
@testable import Kouka
import Testing

/// A UiPath job suspended on June 10 and resumed on June 12, its robot's log of June 11 holding only another job's lines.
/// The log of its start follows a run only while each log holds its lines, and the log of its end looks back only to the
/// log before it: when the two later logs were read before the log of the start arrived, each counted the run, ended in
/// June 12's and unfinished (a failure) in June 10's, with exit 1 for "never reported its end" as the only sign, and
/// verify, reading in the same order, agreed. June 10's now finds the run counted by the later log and leaves it out.
///
/// By hand: catalog T01 saves 40 − 8 = 32 min a successful run and costs 10 min a failure. Four runs (a, b, S and c), all
/// successes: 128 min = 2.13 h. Counted twice, S's failure took 10 min off: 1.97 h.
@Suite struct SuspendedJobOverADayOfOtherJobsTests {
    static let june10 = "logs/2025-06-10_Execution.log"
    static let june11 = "logs/2025-06-11_Execution.log"
    static let june12 = "logs/2025-06-12_Execution.log"

    static func write(_ name: String, to city: TemporaryCity) throws {
        let day = String(name.dropFirst("logs/".count).prefix(10))
        func line(_ job: String, _ time: String, end: Int? = nil) -> String {
            IncrementalIngestTests.line(job, on: day, time, message: end == nil ? "住民票郵送請求 execution started" : "住民票郵送請求 execution ended", end: end)
        }
        let lines: [String] = switch name {
        case june10: [line("a", "09:00:00"), line("a", "09:10:00", end: 600), line("suspended", "16:00:00"), line("suspended", "16:05:00")]
        case june11: [line("b", "10:00:00"), line("b", "10:15:00", end: 900)]
        default: [line("suspended", "09:00:00"), line("suspended", "09:10:00", end: 900), line("c", "11:00:00"), line("c", "11:05:00", end: 300)]
        }
        try city.write(name, lines.joined(separator: "\r\n") + "\r\n")
    }

    static let arrivals = [
        RunAcrossTwoMidnightsTests.Arrival(name: "each on the night after its day", nights: [(11, [june10]), (12, [june11]), (13, [june12])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "the start's log last", nights: [(12, [june11]), (13, [june12]), (14, [june10])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "backwards", nights: [(13, [june12]), (14, [june11]), (15, [june10])]),
        RunAcrossTwoMidnightsTests.Arrival(name: "the end's log first, the two before together", nights: [(13, [june12]), (14, [june10, june11])]),
    ]

    @Test(arguments: arrivals)
    func theRunCountsOnceWhateverOrderItsLogsArriveIn(arrival: RunAcrossTwoMidnightsTests.Arrival) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        for (day, logs) in arrival.nights {
            for log in logs { try Self.write(log, to: city) }
            _ = try city.night(on: LocalDate(year: 2025, month: 6, day: day))
        }
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 2.13)
        #expect(fy2025.tasks.map(\.successes) == [4])
        #expect(fy2025.tasks.map(\.failures) == [0])
        // June 10's lines of the run are the repeat, naming the log that counts it.
        let repeats = try city.store().rejections()
        #expect(repeats.map(\.file) == [Self.june10], "\(repeats)")
        #expect(repeats.first?.reason.contains("already counted in another file: \(Self.june12)") == true, "\(repeats)")
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }

    /// The robot's logs are also copied into an archive folder the same source matches, and June 12's own log is deleted
    /// (retention) before June 10's arrives: the copy in the archive counts the run, and June 10's leaves it to that copy.
    /// Looking only in the robot's own folder, June 10's counted it unfinished as well.
    @Test func aLaterLogKeptOnlyInAnArchiveFolderKeepsTheRun() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog,
                                     sources: IncrementalIngestTests.source.replacingOccurrences(of: "logs/*_Execution.log", with: "logs/*/*_Execution.log"))
        defer { city.remove() }
        func night(_ day: Int) throws { _ = try city.night(on: LocalDate(year: 2025, month: 6, day: day)) }
        func write(_ log: String, into folder: String) throws {
            try Self.write(log, to: city)
            let from = city.root.appendingPathComponent(log), to = city.root.appendingPathComponent(log.replacingOccurrences(of: "logs/", with: "logs/\(folder)/"))
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: to)
            try FileManager.default.moveItem(at: from, to: to)
        }
        try write(Self.june12, into: "robot1")
        try write(Self.june12, into: "robot1_old")
        try night(13)
        try write(Self.june11, into: "robot1")
        try night(14)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/robot1/2025-06-12_Execution.log"))
        try night(15)
        try write(Self.june10, into: "robot1")
        try night(16)
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 2.13)
        #expect(fy2025.tasks.map(\.successes) == [4])
        #expect(fy2025.tasks.map(\.failures) == [0])
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
