import Foundation
@testable import Kouka
import Testing

/// Verification begins the logs' reports as soon as the logs are read again (`VerifyLogSide`), unless files are foreseen
/// to be taken as the store has them: such a file is written into the replayed store after that reading, and reports
/// begun from before it would not hold it. Begun early and thrown away, or begun once the replayed store is final, the
/// verification must be the same, on a store that agrees with its logs and on one edited behind Kouka's back.
///
/// By hand (`LaterLogDeletedVerifyTests`): catalog T01 saves 32 min a successful run; June 10's run ends in June 11's log,
/// which is then deleted, and June 12 has one run: 3 × 32 min = 1.60 h, June 10's log taken as stored (its run ended in the
/// gone log), June 11's too (gone from disk).
@Suite struct VerifyLogSideTests {
    static let june10 = LaterLogDeletedVerifyTests.june10
    static let june11 = LaterLogDeletedVerifyTests.june11
    static let june12 = "logs/2025-06-12_Execution.log"

    static func city() throws -> TemporaryCity {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        let line = LaterLogDeletedVerifyTests.line
        try city.write(june10, line("night", "2025-06-10", "23:30:00", nil) + "\r\n")
        try city.write(june11, [line("night", "2025-06-11", "00:20:00", 3000), line("day", "2025-06-11", "09:00:00", nil),
                                line("day", "2025-06-11", "09:10:00", 600)].joined(separator: "\r\n") + "\r\n")
        try city.write(june12, [line("noon", "2025-06-12", "12:00:00", nil), line("noon", "2025-06-12", "12:05:00", 300)].joined(separator: "\r\n") + "\r\n")
        _ = try city.nightly()
        return city
    }

    static func verify(_ city: TemporaryCity, early: Bool?) throws -> VerifySummary {
        var audit = VerifyAudit(configuration: try Configuration.load(path: city.configPath))
        audit.logReportsEarly = early
        return try audit.run()
    }

    @Test func theLogsReportsAreTheSameBegunEarlyOrOnceTheReplayedStoreIsFinal() throws {
        let city = try Self.city()
        defer { city.remove() }
        let fy2025 = { try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build() }
        #expect(try fy2025().hoursSaved.total == 1.60)
        let allRead = try Self.verify(city, early: true)
        #expect(allRead.differences.isEmpty && allRead.filesSkipped.isEmpty, "\(allRead)")
        #expect(try Self.verify(city, early: false) == allRead)

        try city.delete(Self.june11)
        _ = try city.nightly()
        #expect(try fy2025().hoursSaved.total == 1.60)
        let forecast = try Self.verify(city, early: nil)
        #expect(forecast.differences.isEmpty, "\(forecast.differences)")
        #expect(forecast.filesSkipped.count == 2, "June 10's and June 11's logs are taken as stored: \(forecast.filesSkipped)")
        // Begun early, the reports of the snapshot before both files were written into the replayed store are thrown away.
        #expect(try Self.verify(city, early: true) == forecast)
        #expect(try Self.verify(city, early: false) == forecast)

        // June 12's rollups edited behind Kouka's back: the year's figures differ from the logs', named alike both ways.
        try city.store().db.execute("UPDATE rollups SET events = events + 1 WHERE source_id = (SELECT id FROM source_files WHERE path = '\(Self.june12)')")
        let edited = try Self.verify(city, early: nil)
        #expect(edited.differences.contains { $0.kind == "store-report" && $0.subject == "FY2025" }, "\(edited.differences)")
        #expect(try Self.verify(city, early: true) == edited)
        #expect(try Self.verify(city, early: false) == edited)
    }

    @Test func filesTakenAsStoredAreForeseenFromTheLedgerAndTheReadingAgain() throws {
        let city = try Self.city()
        defer { city.remove() }
        let ledger = try city.store().sources()
        let files = Dictionary(uniqueKeysWithValues: ledger.map { ($0.path, city.root.appendingPathComponent($0.path).path) })
        let foresees = { (ledger: [SourceFileRecord], files: [String: String], copiesOfDeleted: Set<String>, replayed: [SourceFileRecord]) in
            VerifyLogSide.foreseesFilesTakenAsStored(ledger: ledger, files: files, copiesOfDeleted: copiesOfDeleted, replayed: replayed)
        }
        #expect(!foresees(ledger, files, [], ledger), "every file read again with the bytes the store read")
        #expect(foresees(ledger, files.filter { $0.key != Self.june11 }, [], ledger), "a counted file gone from the sources")
        #expect(foresees(ledger, files, [], ledger.filter { $0.path != Self.june10 }), "a counted file not read whole again")
        var grown = ledger
        grown[0].sha256 = String(repeating: "0", count: 64)
        #expect(foresees(ledger, files, [], grown), "a counted file read again with other bytes (grown, changed)")
        var copies = ledger
        copies[1].status = .duplicate
        #expect(!foresees(copies, files, [], ledger), "a copy on disk is read again")
        #expect(foresees(copies, files.filter { $0.key != copies[1].path }, [], ledger), "a copy gone from the sources")
        #expect(foresees(copies, files, [copies[1].path], ledger), "a copy of a file the store holds as deleted")
        var rejected = ledger
        rejected[1].status = .rejected
        #expect(!foresees(rejected, files.filter { $0.key != rejected[1].path }, [], ledger.filter { $0.path != rejected[1].path }),
                "a file that counts nothing is not taken as stored")
    }
}
