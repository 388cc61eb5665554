import Foundation
import Kouka
import Testing

/// A robot's nightly batch begun at 23:30 and still running at the 02:00 nightly run, its end written at 02:40 to that
/// day's log: verify during the day takes the grown log as the store has it — and the log of the batch's start too, whose
/// run goes on in it. It read the start log with the end, counted the run the store was still waiting for, and named
/// every daytime check of such a city as a store changed behind Kouka's back (helper-197 #1).
@Suite struct BatchPastTheNightVerifyTests {
    static func line(_ job: String, _ day: String, _ time: String, _ what: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: day, time, message: "住民票郵送請求 execution \(what)", end: end) + "\n"
    }

    @Test func aBatchEndedAfterTheNightVerifiesDuringTheDay() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write("logs/2024-05-01_Execution.log", Self.line("b1", "2024-05-01", "23:30:00", "started"))
        try city.write("logs/2024-05-02_Execution.log", Self.line("b1", "2024-05-02", "01:00:00", "working"))
        let night = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                   options: NightlyOptions(today: LocalDate(year: 2024, month: 5, day: 2),
                                                           now: LocalClock.tokyo.instant(of: LocalDate(year: 2024, month: 5, day: 2), hour: 2, minute: 0, second: 0))).run()
        #expect(night.pendingRuns == 1)
        // 02:40: the batch ends.
        try city.write("logs/2024-05-02_Execution.log", Self.line("b1", "2024-05-02", "01:00:00", "working")
            + Self.line("b1", "2024-05-02", "02:40:00", "ended", end: 11_400))
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        #expect(verified.filesSkipped.contains { $0.hasPrefix("logs/2024-05-01_Execution.log: its 1 run(s) still running at the last nightly run go on in logs/2024-05-02_Execution.log") },
                "\(verified.filesSkipped)")
    }
}
