import Foundation
@testable import Kouka
import Testing

/// A fiscal year's report made on April 1, as of March 31: the year is over and its hours are actual. It stated a
/// 年度末の見込み of them all the same, seasonal, with 未達成の見込み (helper-144 #2).
struct YearOverProjectionTests {
    static func report(_ city: TemporaryCity, today: LocalDate) throws -> YearReport {
        let night = NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: 2, minute: 0, second: 0))
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: night).run()
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: today, hour: 4, minute: 30, second: 0), today: today)
        return try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
    }

    @Test func aYearAsOfItsLastDayStatesNoProjection() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/06/03 09:00:00"),
        ]), encoding: .shiftJIS)
        let underWay = try Self.report(city, today: LocalDate(year: 2025, month: 3, day: 31))
        #expect(underWay.projection?.asOf == "2025-03-30")
        let over = try Self.report(city, today: LocalDate(year: 2025, month: 4, day: 1))
        #expect(over.projection == nil)
        #expect(over.hoursSaved.total == 2.75)
    }
}
