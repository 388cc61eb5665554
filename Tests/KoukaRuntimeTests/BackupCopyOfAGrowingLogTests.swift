import Foundation
@testable import Kouka
import Testing

/// A robot's folder copied at noon into a folder the same source matches (a backup), after today's log grew: the copy of
/// today's log holds the bytes the log holds now, so it is a copy, as the copy of yesterday's is. Its original was read on
/// from where it stopped, and its new bytes were not known to the copy check, so the copy was read as a file of its own,
/// its runs rejected as repeats, and verify, which reads the original whole, disagreed.
@Suite struct BackupCopyOfAGrowingLogTests {
    /// Every robot's folder under logs/.
    static let source = IncrementalIngestTests.source.replacingOccurrences(of: "logs/*_Execution.log", with: "logs/*/*_Execution.log")

    static func line(_ job: String, on day: String, _ time: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: day, time, message: end == nil ? "住民票郵送請求 execution started" : "住民票郵送請求 execution ended", end: end)
    }

    @Test func theCopyOfTodaysGrownLogIsACopy() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        let yesterday = [Self.line("a", on: "2025-06-10", "09:00:00"), Self.line("a", on: "2025-06-10", "09:10:00", end: 600)]
        var today = [Self.line("b", on: "2025-06-11", "09:00:00"), Self.line("b", on: "2025-06-11", "09:10:00", end: 600)]
        try city.write("logs/robot1/2025-06-10_Execution.log", yesterday.joined(separator: "\r\n") + "\r\n")
        try city.write("logs/robot1/2025-06-11_Execution.log", today.joined(separator: "\r\n") + "\r\n")
        _ = try city.night(on: LocalDate(year: 2025, month: 6, day: 11), hour: 10)
        today += [Self.line("c", on: "2025-06-11", "11:00:00"), Self.line("c", on: "2025-06-11", "11:10:00", end: 600)]
        try city.write("logs/robot1/2025-06-11_Execution.log", today.joined(separator: "\r\n") + "\r\n")
        try city.write("logs/robot1_bak/2025-06-10_Execution.log", yesterday.joined(separator: "\r\n") + "\r\n")
        try city.write("logs/robot1_bak/2025-06-11_Execution.log", today.joined(separator: "\r\n") + "\r\n")
        let second = try city.night(on: LocalDate(year: 2025, month: 6, day: 11), hour: 13)
        #expect(second.filesAppended == 1)
        #expect(second.filesDuplicate.map(\.path) == ["logs/robot1_bak/2025-06-10_Execution.log", "logs/robot1_bak/2025-06-11_Execution.log"])
        #expect(second.rowsRepeated == 0)
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.tasks.map(\.successes) == [3])
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
