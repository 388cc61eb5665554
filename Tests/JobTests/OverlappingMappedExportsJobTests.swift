import Foundation
import Testing

/// Issue 13 item 6, through the built jobs: two rpa-csv exports holding the same run. With a run_id column
/// the run counts once (a repeated run, exit 1); without one, the identical row is counted in both files
/// and flagged, since nothing shows it is one run.
@Suite(.serialized) struct OverlappingMappedExportsJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T1,住民票の郵送請求,市民課,rpa,runs,60,0,,2020-04-01,住民票郵送

        """

    static func configuration(runID: Bool) -> String {
        """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "rpa-csv"
        path = "logs/*.csv"
        [source.columns]
        task = "ロボット名"
        start = "開始日時"
        status = "結果"
        \(runID ? #"run_id = "実行ID""# : "")
        [source.values]
        success = ["正常終了"]
        """
    }

    static func city(runID: Bool) throws -> SmallCity {
        let city = try SmallCity("overlap")
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration(runID: runID))
        // April's export and May's, both holding run r2 of 2024-04-30.
        try city.write("logs/a-april.csv", """
            ロボット名,開始日時,結果,実行ID
            住民票郵送,2024/04/26 09:00:00,正常終了,r1
            住民票郵送,2024/04/30 09:00:00,正常終了,r2

            """)
        try city.write("logs/b-may.csv", """
            ロボット名,開始日時,結果,実行ID
            住民票郵送,2024/04/30 09:00:00,正常終了,r2
            住民票郵送,2024/05/07 09:00:00,正常終了,r3

            """)
        return city
    }

    /// With run_id: r1, r2, r3 = 3 runs × 60 min = 3 h (the old reading: 4 h and rowsRepeated 0).
    @Test func aRunIDCountsTheSharedRunOnce() throws {
        let city = try Self.city(runID: true)
        defer { city.remove() }
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 1, "a repeated run is a finding")
        let summary = try nightly.summary()
        #expect(summary["rowsRepeated"] as? Int == 1)
        #expect(summary["rowsAccepted"] as? Int == 3)
        let rejection = try #require((summary["rejections"] as? [[String: Any]])?.first)
        #expect(rejection["file"] as? String == "logs/b-may.csv")
        #expect(rejection["line"] as? Int == 2)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        #expect(SmallCity.tasks(json)["T1"]?["successes"] as? Int == 3)
        #expect(SmallCity.tasks(json)["T1"]?["hoursSaved"] as? Double == 3)
    }

    /// Without run_id: the two rows of r2 have the same task, start and status. Both are counted (4 runs,
    /// 4 h) and the nightly summary flags the second file's row against the first (exit 1).
    @Test func withoutARunIDAnIdenticalRowIsFlagged() throws {
        let city = try Self.city(runID: false)
        defer { city.remove() }
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 1, "an identical row in two files is a finding")
        let summary = try nightly.summary()
        #expect(summary["rowsIdentical"] as? Int == 1)
        #expect(summary["rowsRepeated"] as? Int == 0)
        let flagged = try #require((summary["identicalRows"] as? [[String: Any]])?.first)
        #expect(flagged["path"] as? String == "logs/b-may.csv")
        #expect((flagged["reason"] as? String)?.contains("logs/a-april.csv") == true)
        #expect((flagged["reason"] as? String)?.contains("map a run_id column") == true)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        #expect(SmallCity.tasks(json)["T1"]?["hoursSaved"] as? Double == 4)
        try Self.expectReportStatesIdenticalRows(city, json, file: "logs/b-may.csv", rows: 1)
    }

    /// The nightly run flags identical rows on the night it reads them only; the report states them for as long as they
    /// count (its sources, JSON `identical`, and a line to look at in the Markdown and HTML), and verify agrees.
    static func expectReportStatesIdenticalRows(_ city: SmallCity, _ json: [String: Any], file: String, rows: Int) throws {
        #expect(try city.nightly().exitCode == 0, "named once, on the night it is read")
        let sources = json["sources"] as? [[String: Any]] ?? []
        #expect(sources.first { $0["path"] as? String == file }?["identical"] as? Int == rows, "\(sources)")
        #expect(sources.filter { $0["identical"] != nil }.count == 1)
        for name in ["kouka-FY2024.md", "kouka-FY2024.html"] {
            let text = try String(contentsOf: city.root.appendingPathComponent("reports/FY2024/\(name)"), encoding: .utf8)
            #expect(text.contains("要確認") && text.contains(file), "\(name) states the identical rows and their file")
        }
        let verified = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verified.exitCode == 0, "\(verified.stdout)")
    }

    /// Without run_id, a row repeated inside one export (the same run exported twice in it, or two runs that nothing tells
    /// apart): counted each, as across two exports, and flagged the same way (exit 1), where it was counted in silence.
    @Test func withoutARunIDARowRepeatedInOneExportIsFlagged() throws {
        let city = try SmallCity("overlap-in-file")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration(runID: false))
        try city.write("logs/april.csv", """
            ロボット名,開始日時,結果
            住民票郵送,2024/04/26 09:00:00,正常終了
            住民票郵送,2024/04/30 09:00:00,正常終了
            住民票郵送,2024/04/30 09:00:00,正常終了

            """)
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 1, "a row repeated in one export is a finding")
        let summary = try nightly.summary()
        #expect(summary["rowsIdentical"] as? Int == 1)
        let flagged = try #require((summary["identicalRows"] as? [[String: Any]])?.first)
        #expect(flagged["path"] as? String == "logs/april.csv")
        #expect((flagged["reason"] as? String)?.contains("an earlier row of this file") == true)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        #expect(SmallCity.tasks(json)["T1"]?["hoursSaved"] as? Double == 3, "counted each, as the rows say")
        try Self.expectReportStatesIdenticalRows(city, json, file: "logs/april.csv", rows: 1)
    }
}
