import Foundation
import Testing

/// Issue 16 item 6, through the built kouka-report --month: the month's hours by department and system,
/// week by week, and the fiscal year to date against the year's target with the projection.
@Suite(.serialized) struct MonthlyDepartmentReportTests {
    @Test func aMonthSaysWhereTheYearStands() throws {
        let city = try PresentationCity("month-report")
        defer { city.remove() }
        // Made on June 5: the store's last complete day is June 4, after May's end.
        try city.report(["--month", "2024-05", "--today", "2024-06-05"], generatedAt: "2024-06-05T05:00:00+09:00")
        let json = try city.json("reports/2024-05/kouka-2024-05.json")
        // May: T01 2 runs (5.50 h) on the 1st and 2nd, A01 20 sheets (1.67 h) on the 3rd: all in 1〜7日.
        let weeks = try #require(json["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["from"] as? String } == ["2024-05-01", "2024-05-08", "2024-05-15", "2024-05-22", "2024-05-29"])
        #expect(weeks.map { $0["to"] as? String } == ["2024-05-07", "2024-05-14", "2024-05-21", "2024-05-28", "2024-05-31"])
        #expect(weeks.map { $0["hoursSaved"] as? Double } == [7.17, 0, 0, 0, 0])
        #expect((weeks[0]["bySystem"] as? [String: Double])?["ai-ocr"] == 1.67)
        #expect((json["hoursSaved"] as? [String: Any])?["total"] as? Double == 7.17)

        let year = try #require(json["yearToDate"] as? [String: Any])
        #expect(year["from"] as? String == "2024-04-01")
        #expect(year["through"] as? String == "2024-05-31")
        let targets = try #require(year["targets"] as? [[String: Any]])
        let rpa = try #require(targets.first { $0["metric"] as? String == "rpa-hours" })
        #expect(rpa["target"] as? Double == 8)
        #expect(rpa["actual"] as? Double == 5.5)
        // No earlier year has RPA hours in April: linear, 5.50 h × 365 / 61 days = 32.91 h.
        let projection = try #require(year["projection"] as? [String: Any])
        #expect(projection["asOf"] as? String == "2024-05-31")
        #expect(projection["projectedRPAHours"] as? Double == 32.91)
        #expect(projection["onTrack"] as? Bool == true)

        let markdown = try city.text("reports/2024-05/kouka-2024-05.md")
        #expect(!markdown.contains("## 目標と実績"), "no empty targets table")
        #expect(markdown.contains("## 令和6年度の累計（2024-04-01 〜 2024-05-31）"))
        #expect(markdown.contains("| RPAによる削減時間（時間） | 8.00 | 5.50 | 68.8% | 32.91（達成の見込み） |"))
        #expect(markdown.contains("| 2024-05-01 〜 2024-05-07 | 7.17 | 5.50 | 1.67 |"))
        #expect(markdown.contains("| 1 | 税務課 | 7.17 | 5.50 | 1.67 |"), "the month's hours by department and system")

        let html = try city.text("reports/2024-05/kouka-2024-05.html")
        #expect(html.contains("<h2>週ごとの削減時間</h2>"))
        let chart = try #require(html.range(of: "<h2>週ごとの削減時間</h2><svg.*?</svg>", options: .regularExpression).map { String(html[$0]) })
        #expect(chart.matches(of: /class="bar"/).count == 5, "a bar per week, not one bar for the month")
        #expect(chart.contains(">1〜7日</text>") && chart.contains(">29〜31日</text>"))

        let book = try city.workbook("reports/2024-05/kouka-2024-05.xlsx")
        #expect((book["週別"]?["cells"] as? [[Any?]])?.count == 6)
        let ytd = try #require(book["年度累計"]?["cells"] as? [[Any?]])
        #expect(ytd[1][1] as? Double == 8 && ytd[1][2] as? Double == 5.5 && ytd[1][4] as? Double == 32.91)
    }
}
