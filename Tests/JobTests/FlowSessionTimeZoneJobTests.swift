import Foundation
import Testing

/// Issue 13 item 9, through the built jobs: Power Automate flowsession times without an offset are UTC,
/// as Dataverse keeps them, unless the source names its own `timezone`; no other format takes one.
@Suite(.serialized) struct FlowSessionTimeZoneJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T1,国保の異動,保険年金課,rpa,runs,60,0,,2020-04-01,国保_異動
        T2,介護の異動,介護保険課,rpa,runs,30,0,,2020-04-01,介護_異動

        """
    static let header = "flowsessionid,name,startedon,completedon,runduration,statuscode"

    @Test func timesWithoutAnOffsetAreUTCUnlessTheSourceSaysOtherwise() throws {
        let city = try SmallCity("flowsession-utc")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/dataverse/*.csv"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/local/*.csv"
            timezone = "Asia/Tokyo"
            """)
        // The same instant twice: as Dataverse writes it and as Excel saves it back (no Z).
        try city.write("logs/dataverse/flowsessions.csv", """
            \(Self.header)
            a,国保_異動,2025-03-31T20:00:00Z,2025-03-31T20:10:00Z,600,4
            b,国保_異動,2025/3/31 20:00,2025/3/31 20:10,600,4

            """)
        // An export tool that writes Tokyo time, and the source says so.
        try city.write("logs/local/flowsessions.csv", "\(Self.header)\nc,介護_異動,2025/3/31 20:00,2025/3/31 20:10,600,4\n")
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        // By hand: 20:00Z on March 31 is 05:00 on April 1 in Tokyo, FY2025: T1 has 2 runs × 60 min = 2 h there.
        // (The old reading put run b at 20:00 Tokyo time, March 31: 1 h in each year.) Run c is 20:00 in Tokyo
        // on March 31: FY2024, 30 min = 0.5 h.
        let (code2025, fy2025) = try city.report(2025)
        #expect(code2025 == 0)
        #expect(SmallCity.tasks(fy2025)["T1"]?["successes"] as? Int == 2)
        #expect(SmallCity.tasks(fy2025)["T1"]?["hoursSaved"] as? Double == 2)
        #expect(SmallCity.tasks(fy2025)["T2"] == nil)
        let (code2024, fy2024) = try city.report(2024)
        #expect(code2024 == 0)
        #expect(SmallCity.tasks(fy2024)["T1"] == nil)
        #expect(SmallCity.tasks(fy2024)["T2"]?["hoursSaved"] as? Double == 0.5)
    }

    /// A `timezone` on a source whose format reads none would be silently ignored: the job refuses it (64).
    @Test func aSourceZoneOnAnotherFormatIsAConfigurationError() throws {
        let city = try SmallCity("flowsession-zone-refused")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "rpa-csv"
            path = "logs/*.csv"
            timezone = "UTC"
            [source.columns]
            task = "名前"
            start = "開始"
            """)
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 64)
        #expect((nightly.stdout + nightly.stderr).contains("timezone is read only by power-automate-flowsession"))
    }

    /// Changing `timezone` after files were read: the report refuses the store until the nightly run has read them
    /// again in the new zone (their runs were dated in the old one), and that run says why it reads them. By hand:
    /// 20:00Z on March 31, 2025 is April 1 in Tokyo (FY2025) and 22:00 on March 31 in Berlin (FY2024); June 1 is
    /// FY2025 in both. Each run saves 1 h.
    @Test func aChangedTimeZoneReadsTheFilesAgainAndNoReportIsMadeBefore() throws {
        let city = try SmallCity("time-zone-change")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        func configure(_ zone: String) throws {
            try city.write("kouka.toml", """
                catalog = "catalog.csv"
                output = "reports"
                timezone = "\(zone)"
                [[source]]
                format = "power-automate-flowsession"
                path = "logs/*.csv"
                """)
        }
        try configure("Asia/Tokyo")
        try city.write("logs/flowsessions.csv", """
            \(Self.header)
            a,国保_異動,2025-03-31T20:00:00Z,2025-03-31T20:10:00Z,600,4
            b,国保_異動,2025-06-01T00:00:00Z,2025-06-01T00:10:00Z,600,4

            """)
        #expect(try city.nightly().exitCode == 0)
        #expect(SmallCity.tasks(try city.report(2025).json)["T1"]?["hoursSaved"] as? Double == 2)
        try configure("Europe/Berlin")
        let refused = try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2025", "--quiet"])
        #expect(refused.exitCode == 75, "the store awaits the nightly run that reads it in the new zone")
        #expect((refused.stdout + refused.stderr).contains("read in the time zone Asia/Tokyo, but timezone is now Europe/Berlin"), "\(refused.stdout) \(refused.stderr)")
        let nightly = try city.nightly()
        // April 1's run moved to March 31 with the zone, as configured: none was lost, so the file is not said to hold
        // fewer runs (with advice to put an earlier export back); it is listed as read again for the zone.
        #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        #expect((try nightly.summary()["filesLosingRuns"] as? [Any])?.count == 0)
        let read = try #require(try nightly.summary()["filesReadForTimeZone"] as? [[String: Any]])
        #expect(read.map { $0["path"] as? String } == ["logs/flowsessions.csv"])
        #expect((read.first?["reason"] as? String)?.contains("read in Asia/Tokyo") == true)
        // The FY2025 report written in Tokyo's zone, from the same file, is older than the configuration, not edited.
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(verify.exitCode == 1)
        #expect(differences.contains { $0["kind"] as? String == "written-report-outdated" && $0["field"] as? String == "timezone" }, "\(differences)")
        #expect(!differences.contains { $0["kind"] as? String == "written-report" }, "\(differences)")
        let (code2024, fy2024) = try city.report(2024)
        #expect(code2024 == 0)
        #expect(SmallCity.tasks(fy2024)["T1"]?["hoursSaved"] as? Double == 1)
        #expect(SmallCity.tasks(try city.report(2025).json)["T1"]?["hoursSaved"] as? Double == 1)
    }
}
