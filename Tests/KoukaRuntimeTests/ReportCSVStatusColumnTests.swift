import Foundation
@testable import Kouka
import Testing

/// The tables departments open in Excel say on every row whether its figures are a 速報 or settled, and whether a set made
/// again restated any: before, a 速報's CSV files and a restated set's were the same kind of table as a settled one's
/// (helper-158 #3).
struct ReportCSVStatusColumnTests {
    static func rows(_ report: YearReport, _ write: (YearReport, inout String) -> Void) -> [[Substring]] {
        var csv = ""
        write(report, &csv)
        return csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    static let writers: [@Sendable (YearReport, inout String) -> Void] = [
        { CSVReportWriter.writeTasks($0, to: &$1) }, { CSVReportWriter.writeDepartments($0, to: &$1) },
    ]

    @Test func everyRowSaysWhetherItsFiguresAreSettled() {
        var report = ToolReviewTests.period(2024, ToolReviewTests.fy2024, money: nil).report
        for write in Self.writers {
            let settled = Self.rows(report, write)
            #expect(settled.first?.last == "数値の状態")
            #expect(settled.count > 1 && settled.dropFirst().allSatisfy { $0.last == "確定" }, "\(settled)")
        }
        report.preliminary = Preliminary(asOf: "2025-04-01", settledFrom: "2025-04-10")
        for write in Self.writers {
            #expect(Self.rows(report, write).dropFirst().allSatisfy { $0.last == "速報（2025-04-01 現在）" })
        }
        report.preliminary = nil
        report.restatements = [Restatement(replacedGeneratedAt: "2025-04-10T05:00:00+09:00", replacedKoukaVersion: "0.5.13", replacedAsOf: "2025-04-09",
                                           changes: [RestatedFigure(field: "hoursSaved.total", label: "削減時間 合計（時間）", before: 3.27, after: 1.87)])]
        for write in Self.writers {
            #expect(Self.rows(report, write).dropFirst().allSatisfy { $0.last == "確定・改訂あり" })
        }
    }
}
