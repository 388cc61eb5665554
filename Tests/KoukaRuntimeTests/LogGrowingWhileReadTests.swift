import Foundation
@testable import Kouka
import Testing

/// A robot writes today's log while the nightly run reads it (a night batch beside the 02:00 run): the reading goes on
/// past the size the log had when it was decided. The ledger's size is that of the bytes read and hashed, so that when the
/// log grows again before an auditor verifies, verify finds the bytes read at its start. Kept at the size decided, the
/// hash of those bytes could not match it, and a log that only grew was named as changed after it was read (helper-133).
struct LogGrowingWhileReadTests {
    static let path = "logs/2025-06-10_Execution.log"

    static func line(_ job: String, _ time: String, _ what: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: "2025-06-10", time, message: "住民票郵送請求 execution \(what)", end: end) + "\r\n"
    }

    static func append(_ text: String, to city: TemporaryCity) {
        guard let handle = FileHandle(forWritingAtPath: city.root.appendingPathComponent(path).path) else { return }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }

    /// A nightly run at `hour` on the log's day, the robot writing `writing` to the log once it is decided.
    static func night(_ city: TemporaryCity, hour: Int, writing: String?) throws -> NightlySummary {
        let today = LocalDate(year: 2025, month: 6, day: 10)
        var options = NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: hour, minute: 0, second: 0))
        if let writing { options.afterDeciding = { display in if display == Self.path { Self.append(writing, to: city) } } }
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
    }

    @Test func aLogThatGrewWhileItWasReadAndAfterIsNoChangedFile() throws {
        let city = try RunsInAnotherUnitTests.city(unit: "runs")
        defer { city.remove() }
        func night(hour: Int, writing: String?) throws -> NightlySummary { try Self.night(city, hour: hour, writing: writing) }
        _ = try night(hour: 11, writing: nil)
        Self.append(Self.line("j2", "11:00:00", "started"), to: city)
        // Read on from where it stopped, the log having grown once more after its size was taken.
        _ = try night(hour: 12, writing: Self.line("j2", "11:30:00", "ended", end: 1_800))
        // The robot writes on before the auditor verifies.
        Self.append(Self.line("j3", "13:00:00", "started"), to: city)
        let differences = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
        #expect(differences.isEmpty, "\(differences)")
    }

    /// The same on a log's first reading, whole: its hash is of the size decided, its reading went on past it (helper-134).
    /// And a log read on while the robot wrote is read on the night after, not whole again as if rewritten in place.
    @Test func aLogThatGrewWhileItWasFirstReadWholeAndAfterIsNoChangedFile() throws {
        let city = try RunsInAnotherUnitTests.city(unit: "runs")
        defer { city.remove() }
        func night(hour: Int, writing: String?) throws -> NightlySummary { try Self.night(city, hour: hour, writing: writing) }
        _ = try night(hour: 11, writing: Self.line("j2", "11:00:00", "started"))
        Self.append(Self.line("j2", "11:30:00", "ended", end: 1_800), to: city)
        let differences = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
        #expect(differences.isEmpty, "\(differences)")
        _ = try night(hour: 12, writing: Self.line("j3", "12:00:00", "started"))
        let quiet = try night(hour: 13, writing: nil)
        #expect(quiet.filesInDoubt.isEmpty, "\(quiet.filesInDoubt)")
    }
}
