import Foundation
@testable import Kouka
import Testing

/// A run that started before midnight in June 10's log and ended in June 11's, both counted; then June 11's log is deleted
/// (by hand, or a tool that keeps only some days). The store is right: the run ended. Read again without June 11's log,
/// June 10's showed the run unfinished, and verify named every figure of the year as a difference. June 10's log is taken
/// as the store has it, and verify says why.
///
/// By hand: catalog T01 saves 32 min a successful run: the run across midnight and one on June 11, 64 min = 1.07 h.
@Suite struct LaterLogDeletedVerifyTests {
    static let june10 = "logs/2025-06-10_Execution.log"
    static let june11 = "logs/2025-06-11_Execution.log"

    static func line(_ job: String, on day: String, _ time: String, end: Int? = nil) -> String {
        IncrementalIngestTests.line(job, on: day, time, message: end == nil ? "住民票郵送請求 execution started" : "住民票郵送請求 execution ended", end: end)
    }

    @Test func aLogWhoseRunEndedInADeletedLaterLogIsTakenAsStored() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write(Self.june10, [Self.line("night", on: "2025-06-10", "23:30:00")].joined(separator: "\r\n") + "\r\n")
        try city.write(Self.june11, [Self.line("night", on: "2025-06-11", "00:20:00", end: 3000), Self.line("day", on: "2025-06-11", "09:00:00"),
                                     Self.line("day", on: "2025-06-11", "09:10:00", end: 600)].joined(separator: "\r\n") + "\r\n")
        _ = try city.nightly()
        try FileManager.default.removeItem(at: city.root.appendingPathComponent(Self.june11))
        _ = try city.nightly()
        let fy2025 = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        #expect(fy2025.hoursSaved.total == 1.07)
        #expect(fy2025.tasks.map(\.successes) == [2])
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        #expect(verified.filesSkipped.contains { $0.hasPrefix("\(Self.june10): 1 run(s) it counts ended have their end in \(Self.june11)") },
                "\(verified.filesSkipped)")
        // Taken as stored is not taken on trust: its run ids removed behind Kouka's back are named (only the marks of the
        // runs that ended in the gone log are forgiven), and so are its rollups edited.
        let store = try city.store()
        let june10 = try #require(try store.source(path: Self.june10)).id
        try store.db.execute("DELETE FROM run_keys WHERE source_id = \(june10)")
        let keysRemoved = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(keysRemoved.differences.contains { $0.kind == "run-keys" && $0.subject.contains(Self.june10) }, "\(keysRemoved.differences)")
        #expect(!keysRemoved.filesSkipped.contains { $0.hasPrefix("\(Self.june10): 1 run(s)") })
        try city.store().db.execute("UPDATE rollups SET events = 5 WHERE source_id = (SELECT id FROM source_files WHERE path = '\(Self.june10)')")
        let edited = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(edited.differences.contains { $0.subject.contains(Self.june10) }, "\(edited.differences)")
    }
}
