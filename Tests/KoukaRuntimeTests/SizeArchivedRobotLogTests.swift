import Foundation
@testable import Kouka
import Testing

/// NLog's archiving by size (`archiveAboveSize`): during a day the robot's log is renamed `…_Execution.1.log` and a new
/// `…_Execution.log` begun, and a run that started before the renaming ends in the new file, which counts it. The next
/// night the archive is read on for its run still running, and its start is left out as that run, counted once: a
/// line read the night before, judged this night, is among the night's rows read, so no night states fewer than 0
/// rows accepted.
@Suite struct SizeArchivedRobotLogTests {
    static let source = """
        [[source]]
        format = "uipath-execution-log"
        path = "logs/*.log"
        """

    static func line(_ job: String, _ time: String, _ what: String, end seconds: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: "2024-05-10", time, message: "住民票郵送請求 execution \(what)", end: seconds)
    }

    @Test func aRunAcrossTheArchivingCountsOnceAndTheNightAfterAcceptsNoFewerThan0Rows() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        let archive = "logs/2024-05-10_Execution.1.log", current = "logs/2024-05-10_Execution.log"
        try city.write(archive, [Self.line("a", "09:00:00", "started"), Self.line("a", "09:10:00", "ended", end: 600),
                                 Self.line("c", "10:00:00", "started")].joined(separator: "\r\n") + "\r\n")
        try city.write(current, [Self.line("c", "10:10:00", "ended", end: 600), Self.line("d", "11:00:00", "started"),
                                 Self.line("d", "11:10:00", "ended", end: 600)].joined(separator: "\r\n") + "\r\n")
        let first = try city.night(on: LocalDate(year: 2024, month: 5, day: 11))
        #expect(first.rowsRead == 6 && first.rowsAccepted == 6, "\(first)")
        let quiet = try city.night(on: LocalDate(year: 2024, month: 5, day: 12))
        #expect(quiet.rowsRepeated == 1 && quiet.rowsRejected == 1, "the held start of run c, counted in the new log")
        #expect(quiet.rowsAccepted >= 0 && quiet.rowsAccepted == quiet.rowsRead - quiet.rowsRejected, "\(quiet)")
        #expect(quiet.rowsRead == quiet.rowsRejected, "nothing new was written: the rows judged are the held run's")
        // Three runs of 40 minutes less 8 residual: each counted once.
        #expect(abs(try city.hoursSaved() - 3 * 32.0 / 60) < 1e-9)
        let third = try city.night(on: LocalDate(year: 2024, month: 5, day: 13))
        #expect(third.rowsRead == 0 && third.rowsRejected == 0 && third.exitCode == .done, "\(third)")
    }
}
