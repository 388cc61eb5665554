import Foundation
@testable import Kouka
import Testing

/// A settled month's set, then a catalog row corrected, no log of its year read since (robots' logs are not read again for
/// a baseline): verify named its year-to-date section as edited after it was written, though its catalog line said the set
/// was made with another catalog (helper-153 #2). What makes the set outdated makes its section outdated.
struct YearToDateAfterCatalogChangeTests {
    @Test func aSettledMonthsYearToDateIsOutdatedByTheCatalogNotEdited() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        try city.write("logs/2024-06-03_Execution.log", MonthReportWithRunsStillRunningTests.line("j1", "2024-06-03", "09:00:00", "started")
            + MonthReportWithRunsStillRunningTests.line("j1", "2024-06-03", "09:10:00", "ended", end: 600))
        let tenth = LocalDate(year: 2024, month: 7, day: 10)
        try MonthReportWithRunsStillRunningTests.night(city, on: tenth)
        let options = ReportOptions(period: .month(year: 2024, month: 6), generatedAt: LocalClock.tokyo.instant(of: tenth, hour: 5, minute: 0, second: 0), today: tenth)
        _ = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
        try city.write("catalog.csv", IncrementalIngestTests.catalog.replacingOccurrences(of: "rpa,runs,40,8,10", with: "rpa,runs,30,8,10"))
        try MonthReportWithRunsStillRunningTests.night(city, on: tenth.adding(days: 1))
        let differences = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
        #expect(differences.contains { $0.field == "yearToDate.hoursSaved" }, "\(differences)")
        #expect(differences.allSatisfy { $0.kind == "written-report-outdated" }, "\(differences.filter { $0.kind != "written-report-outdated" })")
    }
}
