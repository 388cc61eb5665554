import Foundation
import Testing

/// A yearly report's period section restates the other years' figures. A set written from a store edited in FY2023 only,
/// its files and SHA256SUMS consistent with one another, passed verify, since FY2024's own figures were the store's: the
/// section's years that were over are checked against the store's reports of them, as a period report's are.
@Suite(.serialized) struct PeriodSectionVerifyTests {
    @Test func aForgedYearInAYearlyReportsPeriodSectionIsNamed() throws {
        let city = try SmallCity("period-section")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        let configuration = { (database: String) in
            "catalog = \"catalog.csv\"\ndatabase = \"\(database)\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n"
        }
        try city.write("kouka.toml", configuration("kouka.sqlite"))
        try city.write("forged.toml", configuration("forged.sqlite"))
        // One run of 165 min in FY2023 and one in FY2024.
        try city.write("logs/flows.json", """
            [{"name": "住民税_課税", "startedon": "2023-05-01T00:00:00Z", "completedon": "2023-05-01T00:10:00Z", "runduration": 600, "statuscode": 4},
             {"name": "住民税_課税", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "runduration": 600, "statuscode": 4}]
            """)
        #expect(try city.nightly().exitCode == 0)
        let store = city.root.appendingPathComponent("kouka.sqlite"), forged = city.root.appendingPathComponent("forged.sqlite")
        #expect(try JobProcess.run(executable: "/usr/bin/env", ["python3", "-c", """
            import sqlite3; a = sqlite3.connect('\(store.path)'); b = sqlite3.connect('\(forged.path)'); a.backup(b)
            b.execute("UPDATE rollups SET events = events * 10, quantity = quantity * 10 WHERE day < '2024-04-01'")
            # As a forger who knows Kouka would: the digests taken out, and the mark of a store that keeps them, or the copy
            # makes no set (RollupsEdited, RollupDigestsRemoved).
            b.execute("UPDATE source_files SET rollups_sha256 = NULL"); b.execute("DELETE FROM migrations WHERE name = 'rollup digests kept'"); b.commit()
            """]).exitCode == 0)
        let forgedReport = try JobProcess.run("kouka-report", ["--config", city.root.appendingPathComponent("forged.toml").path, "--fiscal-year", "2024",
                                                               "--today", "2025-04-10", "--quiet"])
        #expect(forgedReport.exitCode == 0, "\(forgedReport.stderr)")
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 1, "\(verify.stdout)")
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        // 10 runs × 165 min = 27.5 h written; the store's FY2023 is 2.75 h.
        let named = differences.first { $0["field"] as? String == "policyPeriod.years[2023].rpaHours" }
        #expect(named?["found"] as? String == "27.5" && named?["expected"] as? String == "2.75", "\(differences)")
    }
}
