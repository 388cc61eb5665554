import Foundation
import Kouka
import Testing

/// A robot's log retention deletes its oldest daily log. A run that started there and ended past midnight in the next
/// day's log stays counted by the deleted log (gone files keep their figures), and the next day's log read again leaves
/// its end out as that log's, as it did while it was there: not as a run counted twice, which verify would find in
/// the store's exclusions though nothing was changed.
@Suite struct DeletedDayBeforeLogTests {
    static func line(_ job: String, on date: String, _ time: String, message: String, end seconds: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: date, time, message: message, end: seconds)
    }

    @Test func theEndOfARunWhoseStartWasDeletedIsNotARunCountedTwice() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write("logs/2024-05-09_Execution.log", Self.line("a", on: "2024-05-09", "23:50:00", message: "住民票郵送請求 execution started") + "\r\n")
        try city.write("logs/2024-05-10_Execution.log", [
            Self.line("a", on: "2024-05-10", "00:10:00", message: "住民票郵送請求 execution ended", end: 1200),
            Self.line("b", on: "2024-05-10", "09:00:00", message: "住民票郵送請求 execution started"),
            Self.line("b", on: "2024-05-10", "09:01:00", message: "住民票郵送請求 execution ended", end: 60),
        ].joined(separator: "\r\n") + "\r\n")
        let config = try Configuration.load(path: city.configPath)
        _ = try NightlyJob(configuration: config, logger: .silent,
                           options: NightlyOptions(today: LocalDate(year: 2024, month: 5, day: 12), now: LocalClock.tokyo.instant(of: LocalDate(year: 2024, month: 5, day: 12), hour: 2, minute: 0, second: 0))).run()
        // Two runs of T01, (40 − 8) min each: 1.07 h, none left out.
        let before = try ReportJob(configuration: config, fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(before.hoursSaved.total == 1.07)
        #expect(before.exclusions.repeatedRuns == 0)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/2024-05-09_Execution.log"))
        let night = LocalDate(year: 2024, month: 5, day: 13)
        let summary = try NightlyJob(configuration: config, logger: .silent,
                                     options: NightlyOptions(today: night, now: LocalClock.tokyo.instant(of: night, hour: 2, minute: 0, second: 0))).run()
        #expect(summary.filesGone == ["logs/2024-05-09_Execution.log"])
        let verified = try VerifyAudit(configuration: config).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        // Read again (--since), the next day's log still leaves run a to the deleted log, silently.
        var options = NightlyOptions(today: night, now: LocalClock.tokyo.instant(of: night, hour: 3, minute: 0, second: 0))
        options.since = LocalDate(year: 2024, month: 5, day: 1)
        let again = try NightlyJob(configuration: config, logger: .silent, options: options).run()
        #expect(again.rowsRepeated == 0)
        let after = try ReportJob(configuration: config, fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(after.hoursSaved.total == 1.07)
        #expect(after.exclusions.repeatedRuns == 0)
    }
}
