import Foundation
@testable import Kouka
import Testing

/// A robot only adds lines to the log of the day it is writing. A log of a day that is over, read again because it holds
/// other bytes (a run's lines taken out, an Error line removed), was changed by someone: the night names it (exit 1)
/// rather than take the new figure in silence. The same bytes written again (a new inode, a restore) are no finding.
@Suite struct RewrittenRobotLogTests {
    static func run(_ job: String, _ hour: String) -> [String] {
        [IncrementalIngestTests.line(job, on: "2024-06-10", "\(hour):00:00", message: "住民票郵送請求 execution started"),
         IncrementalIngestTests.line(job, on: "2024-06-10", "\(hour):10:00", message: "住民票郵送請求 execution ended", end: 600)]
    }

    /// What the log holds when written again under a new inode: its bytes as they were (a restore), fewer (a run taken out),
    /// or more (read at 10:00 on its day, then gathered onto the share by a copy and a rename after the robot wrote on).
    enum Rewrite: CaseIterable { case sameBytes, fewer, grown }

    @Test(arguments: Rewrite.allCases)
    func aPastDaysLogWithOtherBytesIsNamed(rewrite: Rewrite) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let name = "logs/2024-06-10_Execution.log"
        let morning = Self.run("a", "09").joined(separator: "\r\n") + "\r\n"
        let whole = (Self.run("a", "09") + Self.run("b", "11")).joined(separator: "\r\n") + "\r\n"
        try city.write(name, rewrite == .grown ? morning : whole)
        #expect(try city.night(on: LocalDate(year: 2024, month: 6, day: rewrite == .grown ? 10 : 11), hour: 10).exitCode == .done)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent(name))
        try city.write(name, rewrite == .fewer ? morning : whole)
        let night = try city.night(on: LocalDate(year: 2024, month: 6, day: 12))
        #expect(night.filesInDoubt.map(\.path) == [name])
        #expect(night.robotLogsRewritten.map(\.path) == (rewrite == .fewer ? [name] : []))
        #expect(night.exitCode == (rewrite == .fewer ? .doneWithFindings : .done), "\(night)")
    }

    /// A run added at the end of June 10's log after it was read on June 11, its day over: read on and counted, and named.
    /// Lines the robot wrote after the 10:00 reading on June 10 itself, read on June 11, are no finding.
    @Test(arguments: [false, true])
    func linesAddedToAPastDaysLogAreNamed(afterItsDay: Bool) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let name = "logs/2024-06-10_Execution.log"
        try city.write(name, Self.run("a", "09").joined(separator: "\r\n") + "\r\n")
        #expect(try city.night(on: LocalDate(year: 2024, month: 6, day: afterItsDay ? 11 : 10), hour: 10).exitCode == .done)
        try city.write(name, (Self.run("a", "09") + Self.run("b", "11")).joined(separator: "\r\n") + "\r\n")
        let night = try city.night(on: LocalDate(year: 2024, month: 6, day: 12))
        #expect(night.filesAppended == 1)
        #expect(night.robotLogsRewritten.map(\.path) == (afterItsDay ? [name] : []))
        #expect(night.exitCode == (afterItsDay ? .doneWithFindings : .done))
    }
}
