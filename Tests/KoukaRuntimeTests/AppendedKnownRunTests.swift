import Foundation
@testable import Kouka
import Testing

/// A robot's log read on from where the last run stopped must count what the whole log, read afresh, counts. Lines of
/// a run the part read before already counted (sent again by a log shipper, or a line after the run's end) are one
/// run with the rest of its lines: read on alone, they were a second run.
@Suite struct AppendedKnownRunTests {
    static let day = LocalDate(year: 2024, month: 5, day: 1)
    static let first = [IncrementalIngestTests.line("j1", "09:00:00"), IncrementalIngestTests.line("j1", "09:05:00", end: 300),
                        IncrementalIngestTests.line("j2", "10:00:00"), IncrementalIngestTests.line("j2", "10:10:00", end: 600)]

    func nightly(_ city: TemporaryCity, on day: LocalDate, hour: Int) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: hour, minute: 0, second: 0))).run()
    }

    /// The FY2024 report, its generation time left out: the two compared are built a moment apart.
    func report(_ city: TemporaryCity) throws -> YearReport {
        var report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        report.generatedAt = ""
        return report
    }

    /// The figures of the log grown by `appended`, read on the next night, against those of the same log read afresh.
    func check(appended: [String]) throws -> (grown: YearReport, fresh: YearReport, summary: NightlySummary) {
        let file = "logs/2024-05-01_Execution.log"
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write(file, Self.first.joined(separator: "\r\n") + "\r\n")
        _ = try nightly(city, on: Self.day, hour: 12)
        try city.write(file, (Self.first + appended).joined(separator: "\r\n") + "\r\n")
        let summary = try nightly(city, on: Self.day.adding(days: 1), hour: 2)
        let grown = try report(city)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")

        let fresh = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { fresh.remove() }
        try fresh.write(file, (Self.first + appended).joined(separator: "\r\n") + "\r\n")
        _ = try nightly(fresh, on: Self.day.adding(days: 1), hour: 2)
        return (grown, try report(fresh), summary)
    }

    @Test func aRunsLinesSentAgainCountOnce() throws {
        let (grown, fresh, summary) = try check(appended: Array(Self.first.prefix(2)))
        #expect(summary.filesAppended == 0, "read whole, not on from where it stopped")
        // j1 and j2 once each: 2 × (40 − 8) min = 1.07 h.
        #expect(grown.hoursSaved.total == 1.07)
        #expect(grown.tasks.first?.successes == 2)
        #expect(grown == fresh)
    }

    @Test func anErrorLineAfterARunsEndIsThatRunsLine() throws {
        let (grown, fresh, _) = try check(appended: [IncrementalIngestTests.line("j1", "09:06:00", error: true)])
        // j1 has an Error line: a failure (−10 min); j2 32 min. 22 min = 0.37 h, no third run.
        #expect(grown.hoursSaved.total == 0.37)
        #expect(grown.tasks.first.map { $0.successes + $0.failures } == 2)
        #expect(grown == fresh)
    }
}
