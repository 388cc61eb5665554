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

    @Test(arguments: [false, true])
    func aPastDaysLogWithOtherBytesIsNamed(sameBytes: Bool) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let name = "logs/2024-06-10_Execution.log"
        let whole = (Self.run("a", "09") + Self.run("b", "11")).joined(separator: "\r\n") + "\r\n"
        try city.write(name, whole)
        #expect(try city.night(on: LocalDate(year: 2024, month: 6, day: 11)).exitCode == .done)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent(name))
        try city.write(name, sameBytes ? whole : Self.run("a", "09").joined(separator: "\r\n") + "\r\n")
        let night = try city.night(on: LocalDate(year: 2024, month: 6, day: 12))
        #expect(night.filesInDoubt.map(\.path) == [name])
        #expect(night.robotLogsRewritten.map(\.path) == (sameBytes ? [] : [name]))
        #expect(night.exitCode == (sameBytes ? .done : .doneWithFindings))
    }
}
