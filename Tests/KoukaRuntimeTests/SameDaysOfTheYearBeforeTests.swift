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
            // A robot's night run at 01:00, read by the night run at 02:00 before the report, and the same night a year before.
            TemporaryCity.winActorRow("t4", "住民税_課税資料取込", "FINISH", "2025/06/02 01:00:00"),
            TemporaryCity.winActorRow("t0", "住民税_課税資料取込", "FINISH", "2024/06/02 01:00:00"),
        ]), encoding: .shiftJIS)
        let june2 = LocalDate(year: 2025, month: 6, day: 2)
        let job = try city.yearUnderWay(madeOn: june2)
        let configuration = job.configuration
        let report = try job.build()
        let department = try #require(report.departments.first { $0.department == "税務課" })
        // The figures hold June 2's 01:00 run: the year before is compared through 2024-06-02, its May and June 2 runs, 5.5 h
        // against 5.5 h (helper-96's yoy-todays-runs.sh: +2.75 against the year before cut at June 1). Said in the report.
        #expect(department.hoursSaved == 5.5)
        #expect(department.previousYearHours == 5.5)
        #expect(department.change == 0)
        #expect(report.previousYearThrough == "2024-06-02")
        var markdown = ""
        MarkdownReportWriter.write(report, to: &markdown)
        #expect(markdown.contains("前年同期は 2024-04-01 から 2024-06-02 まで"), "\(markdown)")
        // A year that is over is compared with the whole year before.
        let over = try ReportJob(configuration: configuration, options: ReportOptions(period: .fiscalYear(FiscalYear(2024)), today: june2),
                                 logger: .silent).build()
        #expect(over.departments.first { $0.department == "税務課" }?.hoursSaved == 8.25)
        #expect(over.previousYearThrough == nil)
        _ = try job.run()
        // A month on, nothing new read: the set still holds as of its own day.
        _ = try city.night(on: LocalDate(year: 2025, month: 7, day: 3))
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(!verified.differences.contains { $0.field.hasPrefix("departments") }, "\(verified.differences)")
        #expect(!verified.differences.contains { $0.kind == "written-report" }, "\(verified.differences)")
    }
}
