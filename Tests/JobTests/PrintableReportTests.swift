import Foundation
import Testing

/// Issue 16 items 4, 5 and 7, through the built kouka-report: what the HTML prints, how its charts label
/// values, and the workbook people work with.
@Suite(.serialized) struct PrintableReportTests {
    @Test func theHTMLPrintsA4WithRunningHeadAndFootAndTheSourcesWholeInAFoldedAppendix() throws {
        let city = try PresentationCity("print-html")
        defer { city.remove() }
        try city.report(["--fiscal-year", "2024"])
        let html = try city.text("reports/FY2024/kouka-FY2024.html")
        #expect(html.contains("@page{size:A4 portrait"))
        #expect(html.contains(#"@top-left{content:"令和6年度 RPA・AI 効果測定報告（FY2024）""#))
        #expect(html.contains(#"@bottom-left{content:"作成 2025-04-10T05:00:00+09:00""#))
        #expect(html.contains(#"counter(page) " / " counter(pages)"#))
        #expect(html.contains("break-inside:avoid"))
        // The list of sources is folded on screen and shown in print, with whole SHA-256 values.
        #expect(html.contains(#"<details class="sources">"#))
        #expect(html.contains("details.sources::details-content{content-visibility:visible"))
        let sums = html.matches(of: /<code class="sha">([0-9a-f]+)<\/code>/).map { String($0.1) }
        #expect(sums.count == 2)
        #expect(sums.allSatisfy { $0.count == 64 })
        let markdown = try city.text("reports/FY2024/kouka-FY2024.md")
        for sum in sums { #expect(markdown.contains("`\(sum)`"), "the Markdown shows whole SHA-256 values too") }
        // 計上 and dates never wrap in the AI task table.
        #expect(html.contains(/<td class="nw">[^<]+<\/td><td class="nw met">計上<\/td>/))
    }

    @Test func aSmallMonthIsLabelledWithItsDecimals() throws {
        let city = try PresentationCity("print-decimals")
        defer { city.remove() }
        try city.report(["--fiscal-year", "2024"])
        let html = try city.text("reports/FY2024/kouka-FY2024.html")
        // June: 市民課's one run, 0.90 h, labelled as the table shows it (it showed "1").
        #expect(html.contains(#"class="value">0.90</text>"#))
        #expect(html.contains(#"class="value">7.17</text>"#))
    }

    @Test func theWorkbookHasWholeCountsJapaneseLabelsWidthsAndFilters() throws {
        let city = try PresentationCity("print-workbook")
        defer { city.remove() }
        try city.report(["--fiscal-year", "2024"])
        let book = try city.workbook("reports/FY2024/kouka-FY2024.xlsx")
        for (name, sheet) in book {
            let cells = try #require(sheet["cells"] as? [[Any?]])
            let columns = cells.map(\.count).max() ?? 0
            #expect((sheet["autofilter"] as? String)?.hasPrefix("A1:") == true, "\(name) has an autofilter")
            #expect((sheet["widths"] as? [String: Double])?.count ?? 0 >= columns, "\(name) sets every column's width")
            // No code where people read a label.
            for row in cells.dropFirst() {
                for value in row {
                    if let text = value as? String {
                        #expect(!["rpa", "ai-ocr", "runs", "sheets", "estimate", "measured", "partly-measured", "no-catalog-row"].contains(text), "\(name): \(text)")
                    }
                }
            }
        }
        func column(_ sheet: String, _ title: String) throws -> [(value: Any?, format: String?)] {
            let cells = try #require(book[sheet]?["cells"] as? [[Any?]])
            let formats = try #require(book[sheet]?["formats"] as? [[Any?]])
            let index = try #require(cells[0].firstIndex { $0 as? String == title }, "\(sheet) has \(title)")
            return zip(cells.dropFirst(), formats.dropFirst()).map { ($0[index], $1[index] as? String) }
        }
        let tasks = try column("業務別", "成功")
        #expect(tasks.allSatisfy { $0.format == "#,##0" })
        #expect(try column("業務別", "ツール").map { $0.value as? String } == ["AI-OCR", "RPA", "RPA"])
        #expect(try column("業務別", "単位").map { $0.value as? String } == ["枚", "回", "回"])
        #expect(try column("業務別", "根拠").map { $0.value as? String } == ["推計", "推計", "推計"])
        #expect(try column("業務別", "処理量").map(\.format) == ["#,##0", "#,##0", "#,##0"], "sheets and runs are whole")
        #expect(try column("AI活用業務", "成功した利用").allSatisfy { $0.format == "#,##0" })
        let summary = try #require(book["概要"]?["cells"] as? [[Any?]])
        let summaryFormats = try #require(book["概要"]?["formats"] as? [[Any?]])
        let aiRow = try #require(summary.firstIndex { $0.first as? String == "AIを活用した業務数" })
        #expect(summary[aiRow][1] as? Double == 1)
        #expect(summaryFormats[aiRow][1] as? String == "#,##0" && summaryFormats[aiRow][2] as? String == "#,##0", "a count of tasks, not 1.00")
        #expect(try column("課別ツール別", "ツール").map { $0.value as? String } == ["RPA", "AI-OCR", "RPA"])
    }
}
