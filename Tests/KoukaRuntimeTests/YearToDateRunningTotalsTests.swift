import Foundation
@testable import Kouka
import Testing

/// A month's year to date is cut at the month's end: DeepL Free snapshots (no period in them) of a period that began after
/// it, already read, are not in it. They are read with the month's rollups to tell where each count fell, and a period of
/// December was added to November's year to date and to its review's 累計 column, every job exiting 0 (helper-140).
struct YearToDateRunningTotalsTests {
    @Test func aPeriodBegunAfterTheMonthIsNotInItsYearToDate() throws {
        let city = try TemporaryCity(catalog: """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            A06,多言語情報提供,国際交流課,translation,characters,60,10,2023-04-01,DeepL

            """, sources: "[[source]]\nformat = \"deepl-usage\"\npath = \"deepl/*.json\"\ntask = \"DeepL\"\n")
        defer { city.remove() }
        for (day, count) in [("2026-11-02", 1_000), ("2026-11-05", 4_000), ("2026-12-01", 600)] {
            try city.write("deepl/usage_\(day).json", #"{"character_count": \#(count), "character_limit": 500000}"#)
        }
        let day = LocalDate(year: 2026, month: 12, day: 5)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))).run()
        let options = ReportOptions(period: .month(year: 2026, month: 11), generatedAt: LocalClock.tokyo.instant(of: day, hour: 4, minute: 0, second: 0), today: day)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
        // November's period: 4,000 characters × 50 min per 1,000 = 200 min = 3.33 h, the month's and the year's to date.
        #expect(report.hoursSaved.total == 3.33)
        #expect(report.yearToDate?.hoursSaved == 3.33)
    }
}
