import Foundation
import Testing

/// The workbook's 期間推移 sheet shows an RPA target as the Markdown does: with its fraction when it has one (helper-191 #2:
/// a target of 1,600.4 h was shown 1,600 beside 1,600.00 and 未達成), whole when it is whole; and no planned new system is —.
@Suite struct WorkbookTargetFractionTests {
    @Test func aTargetWithAFractionShowsIt() throws {
        let city = try SmallCity("target-fraction")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        try city.write("systems.csv", "system,department,kind,go_live,evidence\n電子申請,情報政策課,申請,2024-06-01,契約第1号\n")
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            database = "kouka.sqlite"
            output = "reports"
            systems = "systems.csv"
            [targets.2024]
            rpa_hours = 2.6
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            """)
        try city.write("logs/flows.json", """
            [{"name": "住民税_課税", "startedon": "2024-06-03T00:00:00Z", "completedon": "2024-06-03T00:10:00Z", "runduration": 600, "statuscode": 4}]
            """)
        #expect(try city.nightly().exitCode == 0)
        #expect(try city.report(2024).exitCode <= 1)
        let workbook = city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.xlsx").path
        let cells = try #require(try ReportFiles.xlsxSheets(workbook)["期間推移"])
        let formats = try #require(try ReportFiles.xlsxFormats(workbook)["期間推移"])
        let year = try #require(cells.firstIndex { $0.first as? String == "令和6年度" })
        let earlier = try #require(cells.firstIndex { $0.first as? String == "令和5年度" })
        #expect(cells[year][2] as? Double == 2.6 && formats[year][2] == "#,##0.00", "2.60 beside 2.75 達成, not 3")
        #expect(cells[earlier][2] as? Double == 2000 && formats[earlier][2] == "#,##0", "the policy's whole target stays whole")
        let planned = try #require(cells[0].firstIndex { ($0 as? String)?.contains("見込み") == true && ($0 as? String)?.contains("システム") == true })
        #expect(cells[year][planned] as? String == "—", "none planned")
    }
}
