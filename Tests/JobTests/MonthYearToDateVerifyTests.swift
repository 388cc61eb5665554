import Foundation
import Testing

/// A month report's year-to-date section (年度累計) restates April 1 through the month's end, or through the store's last
/// complete day when the report was made earlier. It was not compared: a set written from a store edited in April, its
/// files and SHA256SUMS consistent with one another, passed verify with June's own figures right. The section is now
/// compared with the store's figures for the days it states, whatever day the report was made.
@Suite(.serialized) struct MonthYearToDateVerifyTests {
    /// A city with one run of 165 min (2.75 h) on April 2 and one on June 3, 2024, read by a nightly run.
    static func city(_ name: String) throws -> SmallCity {
        let city = try SmallCity(name)
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        let configuration = { (database: String) in
            "catalog = \"catalog.csv\"\ndatabase = \"\(database)\"\noutput = \"reports\"\n[targets.2024]\nrpa_hours = 100\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n"
        }
        try city.write("kouka.toml", configuration("kouka.sqlite"))
        try city.write("forged.toml", configuration("forged.sqlite"))
        try city.write("logs/flows.json", """
            [{"name": "住民税_課税", "startedon": "2024-04-02T00:00:00Z", "completedon": "2024-04-02T00:10:00Z", "runduration": 600, "statuscode": 4},
             {"name": "住民税_課税", "startedon": "2024-06-03T00:00:00Z", "completedon": "2024-06-03T00:10:00Z", "runduration": 600, "statuscode": 4}]
            """)
        #expect(try city.nightly().exitCode == 0)
        return city
    }

    static func monthReport(_ city: SmallCity, config: String = "kouka.toml", today: String) throws {
        let report = try JobProcess.run("kouka-report", ["--config", city.root.appendingPathComponent(config).path, "--month", "2024-06", "--today", today, "--quiet"])
        #expect(report.exitCode == 0, "\(report.stderr)")
    }

    static func verify(_ city: SmallCity) throws -> (code: Int32, differences: [[String: Any]]) {
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        return (verify.exitCode, try verify.summary()["differences"] as? [[String: Any]] ?? [])
    }

    @Test func aForgedYearToDateInAMonthReportIsNamed() throws {
        let city = try Self.city("ytd-forged")
        defer { city.remove() }
        let store = city.root.appendingPathComponent("kouka.sqlite"), forged = city.root.appendingPathComponent("forged.sqlite")
        #expect(try JobProcess.run(executable: "/usr/bin/env", ["python3", "-c", """
            import sqlite3; a = sqlite3.connect('\(store.path)'); b = sqlite3.connect('\(forged.path)'); a.backup(b)
            b.execute("UPDATE rollups SET events = events * 10, quantity = quantity * 10 WHERE day < '2024-05-01'")
            # As a forger who knows Kouka would: the digests taken out, and the mark of a store that keeps them, or the copy
            # makes no set (RollupsEdited, RollupDigestsRemoved).
            b.execute("UPDATE source_files SET rollups_sha256 = NULL"); b.execute("DELETE FROM migrations WHERE name = 'rollup digests kept'"); b.commit()
            """]).exitCode == 0)
        try Self.monthReport(city, config: "forged.toml", today: "2024-07-10")
        let (code, differences) = try Self.verify(city)
        #expect(code == 1)
        // 10 runs in April and June's 1, 11 × 2.75 h, written; the store's April 1 to June 30 is 2 × 2.75 h.
        let named = differences.first { $0["field"] as? String == "yearToDate.hoursSaved" }
        #expect(named?["found"] as? String == "30.25" && named?["expected"] as? String == "5.5", "\(differences)")
        #expect(differences.contains { ($0["field"] as? String ?? "").hasPrefix("yearToDate.targets") }, "\(differences)")
        #expect(!differences.contains { ($0["field"] as? String ?? "").hasPrefix("months") }, "June's own figures are the store's")
    }

    /// Made mid-month (the section runs through the day before), and made after the fiscal year was over (no projection):
    /// the section is the store's for the days it states.
    @Test(arguments: ["2024-06-15", "2025-05-10", "2024-07-10"])
    func aYearToDateWrittenOnAnyDayVerifies(_ today: String) throws {
        let city = try Self.city("ytd-\(today)")
        defer { city.remove() }
        try Self.monthReport(city, today: today)
        let (code, differences) = try Self.verify(city)
        #expect(code == 0, "\(differences)")
    }

    /// A catalog row corrected after the month's set was made: its year-to-date section is outdated by the catalog, as the
    /// rest of the set is, not named as edited (helper-153 #2).
    @Test func aYearToDateAfterACatalogCorrectionIsOutdatedNotEdited() throws {
        let city = try Self.city("ytd-catalog")
        defer { city.remove() }
        try Self.monthReport(city, today: "2024-07-10")
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,120,15,2020-04-01,住民税_*

            """)
        #expect(try city.nightly().exitCode <= 1)
        let (code, differences) = try Self.verify(city)
        #expect(code == 1)
        #expect(differences.contains { $0["field"] as? String == "yearToDate.hoursSaved" }, "\(differences)")
        #expect(differences.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(differences.filter { $0["kind"] as? String != "written-report-outdated" })")
    }
}
