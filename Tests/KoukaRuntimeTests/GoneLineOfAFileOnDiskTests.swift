import Foundation
@testable import Kouka
import Testing

/// A ledger line marked gone while its file is on disk among the sources (put back, or changed behind Kouka's back):
/// verify names it, and the nightly run reads the file again, so that no report states a counted file as deleted.
@Suite struct GoneLineOfAFileOnDiskTests {
    @Test func aFileOnDiskIsNotLeftGone() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try city.night(3)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        try store.db.execute("UPDATE source_files SET status = 'gone' WHERE path = 'logs/tasks.csv'")
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.contains { $0.subject == "logs/tasks.csv" && $0.field == "status" && $0.found == "gone" })
        let night = try city.night(4)
        #expect(night.filesRead == 1)
        #expect(try store.source(path: "logs/tasks.csv")?.status == .present)
        // The figures are right again; that the store was changed between the two nights stays named until it is accepted.
        let after = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(after.differences.map(\.kind) == ["store-edited"], "\(after.differences)")
        #expect(night.storeEditedSince != nil, "the night after the change says so (exit 1)")
        var accepting = NightlyOptions(today: LocalDate(year: 2024, month: 6, day: 5))
        accepting.acceptStoreEdits = true
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: accepting).run()
        let accepted = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(accepted.differences.isEmpty, "\(accepted.differences)")
        #expect(accepted.storeEditsAccepted.count == 1)
        #expect(try city.hoursSaved() == 2.75)
    }
}
