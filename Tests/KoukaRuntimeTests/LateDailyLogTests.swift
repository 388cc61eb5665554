import Foundation
import Kouka
import Testing

/// A robot's run that crossed midnight has its start in one day's log and its end in the next; the log of its start
/// counts it. Either log may reach the folder a night late (a robot PC that was off, a share synchronised late): what
/// counts must not depend on which was read first, and verify, which reads both together, must agree.
@Suite struct LateDailyLogTests {
    static func line(_ job: String, on date: String, _ time: String, message: String, end seconds: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: date, time, message: message, end: seconds)
    }

    static let dayBefore = "logs/2024-05-09_Execution.log"
    static let dayAfter = "logs/2024-05-10_Execution.log"

    /// Run a starts at 23:50 on May 9; its end is the next day's first line, and run b follows.
    static func write(_ name: String, to city: TemporaryCity) throws {
        if name == dayBefore {
            try city.write(name, line("a", on: "2024-05-09", "23:50:00", message: "住民票郵送請求 execution started") + "\r\n")
        } else {
            try city.write(name, [
                line("a", on: "2024-05-10", "00:10:00", message: "住民票郵送請求 execution ended", end: 1200),
                line("b", on: "2024-05-10", "09:00:00", message: "住民票郵送請求 execution started"),
                line("b", on: "2024-05-10", "09:01:00", message: "住民票郵送請求 execution ended", end: 60),
            ].joined(separator: "\r\n") + "\r\n")
        }
    }

    func night(_ city: TemporaryCity, _ day: Int) throws -> NightlySummary {
        let date = LocalDate(year: 2024, month: 5, day: day)
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                              options: NightlyOptions(today: date, now: LocalClock.tokyo.instant(of: date, hour: 2, minute: 0, second: 0))).run()
    }

    func report(_ city: TemporaryCity) throws -> YearReport {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
    }

    @Test func theNextDaysLogArrivingLateEndsTheRunCountedUnfinished() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try Self.write(Self.dayBefore, to: city)
        // On May 12 the day after's log is not there, and run a has been silent for over 24 hours: unfinished, −10 min.
        let first = try night(city, 12)
        #expect(first.runsUnfinished == 1)
        #expect(try report(city).hoursSaved.total == -0.17)

        try Self.write(Self.dayAfter, to: city)
        let second = try night(city, 13)
        #expect(second.filesReadForEndedRuns.map(\.path) == [Self.dayBefore])
        #expect(second.runsUnfinished == 0)
        #expect(second.rowsRepeated == 0)
        #expect(second.exitCode == .done, "a log that arrives late is no finding")
        // Runs a and b, (40 − 8) min each: 1.07 h, none unfinished.
        let after = try report(city)
        #expect(after.hoursSaved.total == 1.07)
        #expect(after.tasks.first?.unfinished == 0)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let third = try night(city, 14)
        #expect(third.filesUnchanged == 2)
        #expect(third.filesReadForEndedRuns.isEmpty)
    }

    @Test func theDayBeforesLogArrivingLateTakesItsRunOver() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try Self.write(Self.dayAfter, to: city)
        // Without the log of its start, the next day's log counts run a, from its end and its total time.
        _ = try night(city, 12)
        #expect(try report(city).hoursSaved.total == 1.07)

        try Self.write(Self.dayBefore, to: city)
        let second = try night(city, 13)
        #expect(second.filesReadForEndedRuns.map(\.path) == [Self.dayAfter])
        #expect(second.rowsRepeated == 0, "the start's log counts its run: not a repeat")
        #expect(second.exitCode == .done)
        let after = try report(city)
        #expect(after.hoursSaved.total == 1.07)
        #expect(after.exclusions.repeatedRuns == 0)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let third = try night(city, 14)
        #expect(third.filesUnchanged == 2)
    }

    /// The usual way: the nightly run at 02:00 on May 10 reads the robot's log of May 10 while it is being written (run a's
    /// end, after midnight), without the log of May 9; on May 11 the log of May 9 has arrived and that of May 10 has grown.
    @Test func theDayBeforesLogArrivingLateTakesItsRunOverFromALogThatGrew() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let end = Self.line("a", on: "2024-05-10", "00:10:00", message: "住民票郵送請求 execution ended", end: 1200)
        try city.write(Self.dayAfter, end + "\r\n")
        let may10 = LocalDate(year: 2024, month: 5, day: 10)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: may10, now: LocalClock.tokyo.instant(of: may10, hour: 2, minute: 0, second: 0))).run()
        #expect(try report(city).hoursSaved.total == 0.53)

        try Self.write(Self.dayBefore, to: city)
        try Self.write(Self.dayAfter, to: city)
        let second = try night(city, 11)
        #expect(second.filesReadForEndedRuns.map(\.path) == [Self.dayAfter])
        #expect(second.rowsRepeated == 0, "the start's log counts its run: not a repeat")
        #expect(try report(city).hoursSaved.total == 1.07)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
