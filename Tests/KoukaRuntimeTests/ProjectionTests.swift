import Foundation
import KoukaCore
import KoukaReports
import Testing

/// The year-to-date projection: seasonal from earlier years where there are any, else linear.
@Suite struct ProjectionTests {
    static let entry = CatalogEntry(taskID: "T", name: "T", department: "市民課", system: .rpa, unit: .runs,
                                    manualMinutesPerUnit: 70, residualMinutesPerUnit: 10, validFrom: LocalDate(year: 2020, month: 4, day: 1),
                                    patterns: ["T"], line: 2)

    /// A fiscal year's report with `runsPerMonth[i]` one-hour runs in its i-th month (April first).
    static func report(_ year: Int, runsPerMonth: [Int]) -> YearReport {
        let fiscalYear = FiscalYear(year)
        let rollups = runsPerMonth.enumerated().map { index, runs in
            let month = (3 + index) % 12 + 1
            let date = LocalDate(year: month >= 4 ? year : year + 1, month: month, day: 10)
            return DailyRollup(key: RollupKey(date: date, department: "", family: .rpa, taskName: "T", outcome: .success, unit: .runs),
                               totals: RollupTotals(events: runs, quantity: Double(runs), machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                               sourceID: 1)
        }
        return ReportBuilder.build(ReportInputs(
            period: .fiscalYear(fiscalYear), rollups: rollups, catalog: TaskCatalog(entries: [entry]), catalogPath: "c", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
    }

    @Test func seasonalFromTheSameMonthsOfEarlierYears() throws {
        // FY2023: 10 h a month. FY2024 to September 30: 20 h a month, 120 h. Earlier years did 60 of
        // their 120 h by then, so the year should end at 120 × 120 / 60 = 240 h.
        let earlier = Self.report(2023, runsPerMonth: Array(repeating: 10, count: 12))
        let current = Self.report(2024, runsPerMonth: Array(repeating: 20, count: 6) + Array(repeating: 0, count: 6))
        let projection = try #require(ProjectionModel.project(current: current, earlier: [earlier], today: LocalDate(year: 2024, month: 9, day: 30), target: 200))
        #expect(projection.method == "seasonal")
        #expect(projection.rpaHoursToDate == 120)
        #expect(projection.projectedRPAHours == 240)
        #expect(projection.onTrack == true)
    }

    @Test func linearWhenNoEarlierYearHasFigures() throws {
        let current = Self.report(2024, runsPerMonth: Array(repeating: 20, count: 6) + Array(repeating: 0, count: 6))
        let empty = Self.report(2023, runsPerMonth: Array(repeating: 0, count: 12))
        let projection = try #require(ProjectionModel.project(current: current, earlier: [empty], today: LocalDate(year: 2024, month: 9, day: 30), target: 2500))
        // 120 h in the 183 days from April 1 to September 30, of 365: 120 × 365 / 183 = 239.34 h.
        #expect(projection.method == "linear")
        #expect(projection.projectedRPAHours == 239.34)
        #expect(projection.onTrack == false)
    }

    @Test func aYearThatIsNotUnderWayHasNoProjection() {
        let report = Self.report(2023, runsPerMonth: Array(repeating: 10, count: 12))
        #expect(ProjectionModel.project(current: report, earlier: [], today: LocalDate(year: 2024, month: 9, day: 30), target: 1) == nil)
    }
}
