import Foundation
@testable import Kouka
import Testing

/// Today's robot log grows after its rollups were changed behind Kouka's back: read on from where it stopped, the part
/// appended was added to the edited rollups and a new digest recorded over them, so that verify, once the log was gone,
/// found nothing. The log is read whole instead, the store holds what it gives, and the night says why (exit 1). So with
/// its run ids: appended to, they were merged with the edited set and a new run-key digest recorded over it, and an
/// overlapping copy of the log counted its runs again once the log was gone.
@Suite struct AppendAfterStoreEditTests {
    static func line(_ job: String, _ time: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: "2024-06-11", time, message: end == nil ? "住民票郵送請求 execution started" : "住民票郵送請求 execution ended", end: end)
    }

    @Test func anEditedFileIsReadWholeNotAppendedTo() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var lines = [Self.line("a", "09:00:00"), Self.line("a", "09:10:00", end: 600)]
        try city.write("logs/2024-06-11_Execution.log", lines.joined(separator: "\r\n") + "\r\n")
        #expect(try city.night(on: LocalDate(year: 2024, month: 6, day: 11), hour: 10).exitCode == .done)
        let honest = try city.hoursSaved()
        #expect(honest > 0)
        let store = try KoukaStore(path: Configuration.load(path: city.configPath).databasePath)
        try store.db.execute("UPDATE rollups SET events = events * 30")
        lines += [Self.line("b", "11:00:00"), Self.line("b", "11:10:00", end: 600)]
        try city.write("logs/2024-06-11_Execution.log", lines.joined(separator: "\r\n") + "\r\n")
        let night = try city.night(on: LocalDate(year: 2024, month: 6, day: 11), hour: 13)
        #expect(night.filesEditedInStore.map(\.path) == ["logs/2024-06-11_Execution.log"])
        #expect(night.exitCode == .doneWithFindings)
        #expect(night.filesAppended == 0 && night.filesRead == 1)
        let now = try city.hoursSaved()
        // (40 − 8) min × 2 runs = 64 min = 1.07 h, as the log gives them; not 30 + 1 runs.
        #expect(honest == 0.53 && now == 1.07, "\(honest) → \(now)")
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
    }

    @Test(arguments: ["DELETE FROM run_keys", "UPDATE run_key_sets SET last_day = '2024-06-30'", "DELETE FROM run_key_sets"])
    func aFileWhoseRunIDsWereEditedIsReadWholeNotAppendedTo(_ edit: String) throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        var lines = [Self.line("a", "09:00:00"), Self.line("a", "09:10:00", end: 600)]
        try city.write("logs/2024-06-11_Execution.log", lines.joined(separator: "\r\n") + "\r\n")
        #expect(try city.night(on: LocalDate(year: 2024, month: 6, day: 11), hour: 10).exitCode == .done)
        let store = try KoukaStore(path: Configuration.load(path: city.configPath).databasePath)
        let recorded = try #require(try store.recordedRunKeyDigests().values.first)
        try store.db.execute(edit)
        lines += [Self.line("b", "11:00:00"), Self.line("b", "11:10:00", end: 600)]
        try city.write("logs/2024-06-11_Execution.log", lines.joined(separator: "\r\n") + "\r\n")
        let night = try city.night(on: LocalDate(year: 2024, month: 6, day: 11), hour: 13)
        #expect(night.filesEditedInStore.map(\.path) == ["logs/2024-06-11_Execution.log"])
        #expect(night.filesEditedInStore.first?.reason.contains("its run ids in the store") == true, "\(night.filesEditedInStore)")
        #expect(night.filesAppended == 0 && night.filesRead == 1)
        // Read whole: the set is what the log gives, runs a and b, and its digest is the one the store gives.
        #expect(try store.recordedRunKeyDigests() == store.runKeyDigests())
        #expect(try store.recordedRunKeyDigests().values.first != recorded)
        #expect(try store.runKeySet(ofSource: 1).hashes.count == 2)
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
    }
}
