import Foundation
import Testing

/// Characters translated are shown whole in the workbook, as the Markdown shows them ("3,500 文字"; helper-191 #3: the
/// 処理量 column showed 2,000.00).
@Suite struct WorkbookCharactersTests {
    @Test func charactersAreShownWhole() throws {
        let city = try SmallCity("workbook-characters")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            A06,外国人住民への多言語情報提供,国際交流課,translation,characters,60,10,2020-04-01,AI翻訳

            """)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            database = "kouka.sqlite"
            output = "reports"
            [[source]]
            format = "translation-usage"
            path = "logs/requests.csv"
            [source.columns]
            time = "日時"
            department = "所属"
            source_language = "原文言語"
            target_language = "訳文言語"
            characters = "文字数"
            post_edit_minutes = "後編集（分）"
            task = "文書種別"
            """)
        try city.write("logs/requests.csv", "日時,所属,原文言語,訳文言語,文字数,後編集（分）,文書種別\n2024-06-03 10:00:00,国際交流課,ja,en,2000,,AI翻訳\n2024-06-04 10:00:00,国際交流課,ja,en,1500,,AI翻訳\n")
        #expect(try city.nightly().exitCode == 0)
        #expect(try city.report(2024).exitCode <= 1)
        let workbook = city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.xlsx").path
        let cells = try #require(try ReportFiles.xlsxSheets(workbook)["業務別"])
        let formats = try #require(try ReportFiles.xlsxFormats(workbook)["業務別"])
        let column = try #require(cells[0].firstIndex { $0 as? String == "処理量" })
        let row = try #require(cells.firstIndex { $0.first as? String == "A06" })
        #expect(cells[row][column] as? Double == 3500)
        #expect(formats[row][column] == "#,##0", "\(formats[row])")
        let markdown = try String(contentsOf: city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("3,500"))
    }
}
