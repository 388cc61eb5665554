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
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
        #expect(try city.hoursSaved() == 2.75)
    }
}
