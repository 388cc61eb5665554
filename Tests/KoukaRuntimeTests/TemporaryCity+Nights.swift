import Foundation
import Kouka

extension TemporaryCity {
    /// The nightly run of June `day`, 2024, at 02:00 in Tokyo.
    func night(_ day: Int) throws -> NightlySummary {
        try night(on: LocalDate(year: 2024, month: 6, day: day))
    }

    /// The nightly run of `today` at `hour`:00 in Tokyo.
    func night(on today: LocalDate, hour: Int = 2) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: configPath), logger: .silent,
                       options: NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: hour, minute: 0, second: 0))).run()
    }

    /// The night of `day`, then FY2025's report job as a city runs it at 10:00 that day, the year under way.
    func yearUnderWay(madeOn day: LocalDate) throws -> ReportJob {
        _ = try night(on: day)
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2025)), generatedAt: LocalClock.tokyo.instant(of: day, hour: 10, minute: 0, second: 0),
                                    today: day)
        return ReportJob(configuration: try Configuration.load(path: configPath), options: options, logger: .silent)
    }

    /// The hours saved in FY2024, as its report states them.
    func hoursSaved() throws -> Double {
        try ReportJob(configuration: Configuration.load(path: configPath), fiscalYear: FiscalYear(2024), logger: .silent).build().hoursSaved.total
    }
}
