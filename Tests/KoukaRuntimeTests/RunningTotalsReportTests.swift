import Foundation
import Kouka
import Testing

/// Issue 13 item 7 in a report: DeepL usage snapshots of one billing period from two files count once.
@Suite struct RunningTotalsReportTests {
    static let deepL = CatalogEntry(taskID: "A07", name: "AI翻訳", department: "国際交流課", system: .translation, unit: .characters,
                                    manualMinutesPerUnit: 60, residualMinutesPerUnit: 10, validFrom: LocalDate(year: 2023, month: 4, day: 1),
                                    patterns: ["DeepL"], line: 2)

    static func period(_ month: Int, _ characters: Double, source: Int64) -> DailyRollup {
        DailyRollup(key: RollupKey(date: LocalDate(year: 2024, month: month, day: 10), department: "", family: .translation, taskName: "DeepL",
                                   outcome: .success, unit: .characters, cumulative: true),
                    totals: RollupTotals(events: 1, quantity: characters, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                    sourceID: source)
    }

    /// April's file (source 1) last saw 3,000 characters of the period of April 10; May's (source 2) saw
    /// 5,000 of it and 500 of the period of May 10. 5,000 + 500 = 5,500 characters = 5.5 × (60 − 10) min
    /// = 275 min = 4.58 h, from two periods. (Summed: 8,500 characters, 7.08 h.)
    @Test func aPeriodSplitOverTwoFilesCountsItsLatestSnapshot() throws {
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)),
            rollups: [Self.period(4, 3_000, source: 1), Self.period(4, 5_000, source: 2), Self.period(5, 500, source: 2)],
            catalog: TaskCatalog(entries: [Self.deepL]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
            sources: [1: SourceLine(path: "deepl-04.jsonl", sha256: "", format: "deepl-usage", rows: 2, accepted: 2, rejected: 0, status: "present"),
                      2: SourceLine(path: "deepl-05.jsonl", sha256: "", format: "deepl-usage", rows: 2, accepted: 2, rejected: 0, status: "present")],
            timezone: "Asia/Tokyo"))
        let line = try #require(report.tasks.first)
        #expect(line.units == 5_500)
        #expect(line.successes == 2)
        #expect(line.hoursSaved == 4.58)
        #expect(line.sources == ["deepl-05.jsonl"], "April's snapshot is superseded")
        #expect(report.months.first { $0.month == "2024-04" }?.hoursSaved == 4.17, "5,000 characters: 250 min")
    }
}
