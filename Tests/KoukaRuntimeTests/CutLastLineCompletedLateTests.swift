import Foundation
import Kouka
import Testing

/// A robot's log of a day that is over, whose last line was cut off when a night read it (rejected: past the time the
/// robot may still be writing it), and whose rest arrives later (a share's copy catching up): the log is read whole,
/// so that the completed line ends its run — read on from after the cut, its rest was no line at all, the run stayed
/// unfinished, and every later night exited 0 (helper-190 #1).
@Suite struct CutLastLineCompletedLateTests {
    static let file = "logs/2024-05-01_Execution.log"
    static let lines = [
        IncrementalIngestTests.line("j1", "09:00:00"), IncrementalIngestTests.line("j1", "09:05:00", end: 300),
        IncrementalIngestTests.line("j2", "23:40:00"), IncrementalIngestTests.line("j2", "23:50:00", end: 600),
    ]

    func nightly(_ city: TemporaryCity, today: LocalDate) throws -> NightlySummary {
        try IncrementalIngestTests().nightly(city, today: today)
    }

    @Test func theCompletedLineIsReadWithItsLogAndNamed() throws {
        let day = LocalDate(year: 2024, month: 5, day: 1)
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let whole = Self.lines.joined(separator: "\r\n") + "\r\n"
        let cut60 = String(decoding: Array(whole.utf8.dropLast(60)), as: UTF8.self)
        try city.write(Self.file, cut60)

        let cut = try nightly(city, today: day.adding(days: 2))
        #expect(cut.rejections.map(\.line) == [4], "the cut line, past the day after its day, is rejected")
        #expect(try IncrementalIngestTests().report(city).tasks.first?.successes == 1)

        try city.write(Self.file, whole)
        let completed = try nightly(city, today: day.adding(days: 3))
        #expect(completed.filesAppended == 0, "not read on from after the cut: its rest alone is no line")
        #expect(completed.rowsRejected == 0)
        #expect(completed.robotLogsRewritten.map(\.path) == [Self.file], "bytes added to a log of a day that is over are named")
        #expect(completed.robotLogsRewritten.first?.reason.contains("its last line then cut off") == true)
        #expect(completed.exitCode == .doneWithFindings)

        let quiet = try nightly(city, today: day.adding(days: 4))
        #expect(quiet.filesUnchanged == 1)
        let report = try IncrementalIngestTests().report(city)
        // j1 and j2 succeeded: 2 × (40 − 8) = 64 min.
        #expect(report.tasks.first?.successes == 2)
        #expect(report.tasks.first?.unfinished == 0)
        #expect(report.hoursSaved.total == 1.07)
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
    }

    @Test func aCutLineNeverCompletedLeavesTheLogUnreadUntilItChanges() throws {
        let day = LocalDate(year: 2024, month: 5, day: 1)
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let whole = Self.lines.joined(separator: "\r\n") + "\r\n"
        try city.write(Self.file, String(decoding: Array(whole.utf8.dropLast(60)), as: UTF8.self))
        _ = try nightly(city, today: day.adding(days: 2))
        let next = try nightly(city, today: day.adding(days: 3))
        #expect(next.filesUnchanged == 1, "a log whose last line was rejected is not read again until it changes")
        #expect(next.robotLogsRewritten.isEmpty)
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
    }
}
