import Foundation
@testable import Kouka
import Testing

/// A rollup's figure changed in the store with sqlite3, its digest left as it was: the report printed the edited figure
/// with exit 0, only verify named it (helper-145 #1: 236.75 h printed as 237.58 h). No report is made from such a store.
struct RollupsEditedTests {
    @Test func aReportIsNotMadeFromAStoreWhoseRollupsWereEdited() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/06/03 09:00:00"),
        ]), encoding: .shiftJIS)
        _ = try city.night(on: LocalDate(year: 2026, month: 11, day: 27))
        let before = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(before.hoursSaved.total == 2.75)
        try city.store().db.execute("UPDATE rollups SET quantity = 2, events = 2 WHERE outcome = 'success'")
        #expect(throws: RollupsEdited(paths: ["logs/tasks.csv"])) {
            try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        }
        #expect(KoukaExitCode.code(for: RollupsEdited(paths: ["x"])) == .dataError)
        // Verify still reads such a store, and names the file.
        let differences = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
        #expect(differences.contains { $0.kind == "rollups-digest" && $0.subject == "logs/tasks.csv" }, "\(differences)")
    }
}
