import Foundation
@testable import Kouka
import Testing

/// The printed report (HTML) is what an auditor signs and recomputes by hand: its catalog appendix must give each
/// baseline as the catalog did (helper-75's html_catalog_baseline_rounded.sh: 0.333 min printed as 0.33, from which
/// 3,000 items give 33.50 h where the report says 33.35 h).
@Suite struct CatalogBaselinePrintedTests {
    @Test func theAppendixGivesEachBaselineAsTheCatalogDid() {
        let entry = CatalogEntry(taskID: "T01", name: "申請書の読取", department: "市民課", system: .aiOCR, unit: .sheets,
                                 manualMinutesPerUnit: 1, residualMinutesPerUnit: 0.333, reworkMinutesPerFailure: 2.5,
                                 validFrom: LocalDate(year: 2024, month: 4, day: 1), patterns: ["申請書"], line: 2)
        let rollup = DailyRollup(
            key: RollupKey(date: LocalDate(year: 2024, month: 5, day: 1), department: "", family: .aiOCR, taskName: "申請書", outcome: .success, unit: .sheets),
            totals: RollupTotals(events: 30, quantity: 3_000, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)), rollups: [rollup], catalog: TaskCatalog(entries: [entry]), catalogPath: "catalog.csv",
            catalogSHA256: "", targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
        // 3,000 × (1 − 0.333) ÷ 60 = 33.35 h.
        #expect(report.hoursSaved.total == 33.35)
        var html = ""
        HTMLReportWriter.write(report, to: &html)
        #expect(html.contains(#"<td class="n">1.00</td><td class="n">0.333</td><td class="n">2.50</td>"#))
    }

    @Test func aGivenValueKeepsItsDigitsAndDropsBinaryNoise() {
        #expect(NumberText.given(0.333) == "0.333")
        #expect(NumberText.given(60) == "60.00")
        #expect(NumberText.given(1 - 0.333) == "0.667")
        #expect(NumberText.given(1_234.5678) == "1,234.5678")
        #expect(NumberText.given(-0.125) == "-0.125")
        #expect(NumberText.givenPlain(1_234.5678) == "1234.5678")
    }
}
