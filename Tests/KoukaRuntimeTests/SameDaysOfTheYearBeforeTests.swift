import Foundation
import Kouka
import Testing

/// A report of a period under way compares its departments with the same days of the year before (前年同期), not the whole
/// year before: as of May 1 every department looked fallen by the year before's later months (helper-95: 国際課 8.23 / −8.23
/// where the same days held 0.00). Verified a month on, the set is held to the days of its own day.
@Suite struct SameDaysOfTheYearBeforeTests {
    @Test func aYearUnderWayIsComparedWithTheSameDaysOfTheYearBefore() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        // T01 (180 − 15 = 165 min a run), 税務課: a run on 2024-05-10 and on 2024-08-10; this year one on 2025-05-10.
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/10 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/08/10 09:00:00"),
            TemporaryCity.winActorRow("t3", "住民税_課税資料取込", "FINISH", "2025/05/10 09:00:00"),
        ]), encoding: .shiftJIS)
        let june2 = LocalDate(year: 2025, month: 6, day: 2)
        let job = try city.yearUnderWay(madeOn: june2)
        let configuration = job.configuration
        let report = try job.build()
        let department = try #require(report.departments.first { $0.department == "税務課" })
        // As of June 1: the year before through 2024-06-01 holds the May run only, 2.75 h; the same 2.75 h this year.
        #expect(department.hoursSaved == 2.75)
        #expect(department.previousYearHours == 2.75)
        #expect(department.change == 0)
        // A year that is over is compared with the whole year before.
        let over = try ReportJob(configuration: configuration, options: ReportOptions(period: .fiscalYear(FiscalYear(2024)), today: june2),
                                 logger: .silent).build()
        #expect(over.departments.first { $0.department == "税務課" }?.hoursSaved == 5.5)
        _ = try job.run()
        // A month on, nothing new read: the set still holds as of its own day.
        _ = try city.night(on: LocalDate(year: 2025, month: 7, day: 3))
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(!verified.differences.contains { $0.field.hasPrefix("departments") }, "\(verified.differences)")
        #expect(!verified.differences.contains { $0.kind == "written-report" }, "\(verified.differences)")
    }
}
