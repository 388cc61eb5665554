import Foundation
import Kouka
import Testing

/// A rate the review shows as 10.0% is 10 in the CSV's % column, not the fraction 0.1 beside a "%".
struct ReviewRatesInFilesTests {
    @Test func aRateIsWrittenInPercentWhereItsUnitSaysPercent() {
        var report = ToolReviewTests.period(2024, ToolReviewTests.fy2024, money: nil).report
        report.review = ToolReviewTests.review()
        var csv = ""
        CSVReportWriter.writeReview(report, to: &csv)
        // 30 corrected of 300 fields read: 10%.
        let line = csv.split(separator: "\r\n").first { $0.contains("項目修正率") && $0.contains(",%,令和6年度,") }
        #expect(line?.contains(",%,令和6年度,10.0000,") == true, "\(String(describing: line))")
        // A unit with a comma is one cell: 分/1,000文字 unquoted moved every cell after it one column on (helper-167 #1).
        let perThousand = csv.split(separator: "\r\n").filter { $0.contains("1,000文字") }
        #expect(!perThousand.isEmpty)
        #expect(perThousand.allSatisfy { $0.contains(",\"分/1,000文字\",") }, "\(perThousand)")
    }
}
