import Foundation
import Testing

/// A WinActor task waiting at the end of March (scheduled 3/31 23:50) is counted unfinished by the March export; the April
/// export holds it run on April 1, which takes it into the next fiscal year and reads the March export again with the same
/// bytes. The FY2024 set made before is outdated, every figure holding as the store now has it: verify names its figures
/// outdated, not changed behind Kouka's back (helper-131: 28 of 30 differences said the report or the store was edited).
@Suite struct RunEndedInTheNextYearsExportTests {
    static func waiting(_ id: String, scheduled: String) -> String {
        "\(id),住民税_定期,sc-1,住民税_課税資料取込,WAITING,未確認,,,なし,あり,停止,しない,,,\(scheduled),,,\(scheduled),,wa,WA01,,,s1,定期,\(scheduled),,,情報政策課,0,"
    }

    @Test func aRunTakenIntoTheNextYearMakesTheSetOutdatedNotEdited() throws {
        let city = try SmallCity("next-years-export")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,70,10,30,2020-04-01,住民税_課税資料取込

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"winactor-task-csv\"\npath = \"logs/*.csv\"\n")
        let header = UnfinishedRunsTests.header
        try city.write("logs/tasks_2025-03.csv", [header, UnfinishedRunsTests.row("1001", "FINISH", "2025/03/31 09:00:00"),
                                                  Self.waiting("1002", scheduled: "2025/03/31 23:50:00")].joined(separator: "\r\n") + "\r\n")
        #expect(try city.nightly().exitCode == 1, "the waiting run is counted unfinished")
        let (code, before) = try city.report(2024)
        #expect(code == 0)
        // By hand: one success, 70 − 10 = 60 min, less 30 min rework for the unfinished run: 0.50 h.
        #expect((before["hoursSaved"] as? [String: Any])?["total"] as? Double == 0.5)
        try city.write("logs/tasks_2025-04.csv", [header, UnfinishedRunsTests.row("1002", "FINISH", "2025/04/01 00:05:00"),
                                                  UnfinishedRunsTests.row("1003", "FINISH", "2025/04/02 09:00:00")].joined(separator: "\r\n") + "\r\n")
        _ = try city.nightly()
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 1)
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(!differences.isEmpty)
        let kinds = Set(differences.compactMap { $0["kind"] as? String })
        #expect(kinds == ["written-report-outdated"], "\(differences.filter { $0["kind"] as? String != "written-report-outdated" })")
    }
}
