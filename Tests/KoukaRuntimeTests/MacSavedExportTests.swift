import Foundation
@testable import Kouka
import Testing

/// A WinActor export opened in Excel for Mac and saved as "CSV (Macintosh)": rows end in a carriage return, and a line break
/// typed in a cell (an エラー message over two lines) is a line feed inside quotes. That line feed was taken for the file's
/// line end: the header's record ran to it, and every row before it was never read (helper-147: 50.00 h printed for 299.00 h,
/// one row rejected as "line 2: column 状態 is empty", verify exit 0).
struct MacSavedExportTests {
    static func night(_ city: TemporaryCity) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))).run()
    }

    /// Six runs of T01 (180 minutes by hand, 15 left, 30 of rework a failure), rows ending in CR, the fifth failed with a
    /// message of two lines; with `badDateOnLine`, that physical line's run has a day that does not exist.
    static func export(badDateOnLine: Int? = nil) -> Data {
        var rows: [String] = []
        for day in 1...6 {
            let start = (day + 1) == badDateOnLine ? "2025/04/31 09:00:00" : "2025/04/0\(day) 09:00:00"
            var row = TemporaryCity.winActorRow("t\(day)", "住民税_課税資料取込", day == 5 ? "ERROR" : "FINISH", start)
            if day == 5 { row = row.replacingOccurrences(of: "\(start),,,情報政策課", with: "\(start),\"シナリオが停止しました\nタイムアウト\",E01,情報政策課") }
            rows.append(row)
        }
        return ([TemporaryCity.winActorHeader] + rows).joined(separator: "\r").appending("\r").data(using: .shiftJIS)!
    }

    @Test func everyRowOfAMacSavedExportWithALineBreakInACellIsRead() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try Self.export().write(to: city.root.appendingPathComponent("logs/tasks.csv"))
        let summary = try Self.night(city)
        #expect(summary.rowsRead == 6)
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2025), logger: .silent).build()
        let task = try #require(report.tasks.first { $0.task == "T01" })
        #expect(task.successes == 5)
        #expect(task.failures == 1)
        // 5 × (180 − 15) − 30 = 795 minutes.
        #expect(task.hoursSaved == 13.25)
    }

    /// Its rejected rows are named by their own lines, as a file of line feeds has them (they were one short: the header's
    /// line end was counted as line feeds only).
    @Test func aRejectedRowOfAMacSavedExportIsNamedByItsLine() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try Self.export(badDateOnLine: 4).write(to: city.root.appendingPathComponent("logs/tasks.csv"))
        let summary = try Self.night(city)
        #expect(summary.rowsRead == 6)
        #expect(summary.rejections.map(\.line) == [4])
    }
}
