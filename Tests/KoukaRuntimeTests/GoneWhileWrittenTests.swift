import Foundation
@testable import Kouka
import Testing

/// A robot's log read on its own day and gone before the next night (a log retention of a day, or removed by hand): what
/// the robot wrote after that reading counts nowhere, so the night names it (exit 1) instead of only marking it gone. A log
/// last read after its day was over is gone with its whole figure kept, as before.
@Suite struct GoneWhileWrittenTests {
    static func line(_ job: String, on day: String, _ time: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: day, time, message: end == nil ? "住民票郵送請求 execution started" : "住民票郵送請求 execution ended", end: end)
    }

    @Test func todaysLogGoneBeforeTheNextNightIsNamed() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write("logs/2025-06-10_Execution.log", [Self.line("a", on: "2025-06-10", "09:00:00"), Self.line("a", on: "2025-06-10", "09:10:00", end: 600)]
            .joined(separator: "\r\n") + "\r\n")
        try city.write("logs/2025-06-11_Execution.log", [Self.line("b", on: "2025-06-11", "09:00:00"), Self.line("b", on: "2025-06-11", "09:10:00", end: 600)]
            .joined(separator: "\r\n") + "\r\n")
        // Read at 10:00 on June 11: June 10's log is over, June 11's is today's.
        #expect(try city.night(on: LocalDate(year: 2025, month: 6, day: 11), hour: 10).exitCode == .done)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/2025-06-10_Execution.log"))
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/2025-06-11_Execution.log"))
        let night = try city.night(on: LocalDate(year: 2025, month: 6, day: 12))
        #expect(night.filesGone == ["logs/2025-06-10_Execution.log", "logs/2025-06-11_Execution.log"])
        #expect(night.filesGoneWhileWritten.map(\.path) == ["logs/2025-06-11_Execution.log"])
        #expect(night.filesGoneWhileWritten.first?.reason.contains("was last read on 2025-06-11, while the robot could still write the day's log of 2025-06-11") == true)
        #expect(night.exitCode == .doneWithFindings)
    }

    /// A nightly run at 23:00 reads each day's log on its own day; the next night's run finds it unchanged, so nothing was
    /// written after that reading: its removal by retention later is no finding.
    @Test func aLogSeenUnchangedAfterItsDayIsNotNamed() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write("logs/2025-06-10_Execution.log", [Self.line("a", on: "2025-06-10", "09:00:00"), Self.line("a", on: "2025-06-10", "09:10:00", end: 600)]
            .joined(separator: "\r\n") + "\r\n")
        #expect(try city.night(on: LocalDate(year: 2025, month: 6, day: 10), hour: 23).exitCode == .done)
        let next = try city.night(on: LocalDate(year: 2025, month: 6, day: 11), hour: 23)
        #expect(next.filesUnchanged == 1)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/2025-06-10_Execution.log"))
        // The robot's log of the day, so that the source still matches a file.
        try city.write("logs/2025-06-12_Execution.log", [Self.line("c", on: "2025-06-12", "09:00:00"), Self.line("c", on: "2025-06-12", "09:10:00", end: 600)]
            .joined(separator: "\r\n") + "\r\n")
        let night = try city.night(on: LocalDate(year: 2025, month: 6, day: 12), hour: 23)
        #expect(night.filesGone == ["logs/2025-06-10_Execution.log"])
        #expect(night.filesGoneWhileWritten.isEmpty)
        #expect(night.exitCode == .done, "\(night)")
    }
}
