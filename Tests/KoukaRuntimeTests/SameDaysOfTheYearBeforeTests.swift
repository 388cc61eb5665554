import Foundation
import Kouka
import Testing

/// A report of a period under way compares its departments with the same days of the year before (前年同期), not the whole
/// year before: as of May 1 every department looked fallen by the year before's later months (helper-95: 国際課 8.23 / −8.23
/// where the same days held 0.00). Verified a month on, the set is held to the days of its own day.
@Suite struct SameDaysOfTheYearBeforeTests {
    /// T01 (180 − 15 = 165 min a run), 税務課: a run on 2024-05-10 and on 2024-08-10; this year one on 2025-05-10.
    static func writeRuns(_ city: TemporaryCity) throws {
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/10 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/08/10 09:00:00"),
            TemporaryCity.winActorRow("t3", "住民税_課税資料取込", "FINISH", "2025/05/10 09:00:00"),
        ]), encoding: .shiftJIS)
    }

    @Test func aYearUnderWayIsComparedWithTheSameDaysOfTheYearBefore() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try Self.writeRuns(city)
        let june2 = LocalDate(year: 2025, month: 6, day: 2)
        let job = try city.yearUnderWay(madeOn: june2)
        let configuration = job.configuration
        let report = try job.build()
        let department = try #require(report.departments.first { $0.department == "税務課" })
        // As of June 1: the year before through 2024-06-01 holds the May run only, 2.75 h; the same 2.75 h this year. Said in
        // the report.
        #expect(department.hoursSaved == 2.75)
        #expect(department.previousYearHours == 2.75)
        #expect(department.change == 0)
        #expect(report.previousYearThrough == "2024-06-01")
        var markdown = ""
        MarkdownReportWriter.write(report, to: &markdown)
        #expect(markdown.contains("前年同期は 2024-04-01 から 2024-06-01 まで"), "\(markdown)")
        // A year that is over is compared with the whole year before.
        let over = try ReportJob(configuration: configuration, options: ReportOptions(period: .fiscalYear(FiscalYear(2024)), today: june2),
                                 logger: .silent).build()
        #expect(over.departments.first { $0.department == "税務課" }?.hoursSaved == 5.5)
        #expect(over.previousYearThrough == nil)
        _ = try job.run()
        // A month on, nothing new read: the set still holds as of its own day.
        _ = try city.night(on: LocalDate(year: 2025, month: 7, day: 3))
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(!verified.differences.contains { $0.field.hasPrefix("departments") }, "\(verified.differences)")
        #expect(!verified.differences.contains { $0.kind == "written-report" }, "\(verified.differences)")
    }

    /// The days a set states it compared are those of the day it states, whatever its JSON says: a finished year's set made to
    /// state a year to date's comparison, its fall turned into a rise, is named (helper-97's
    /// verify-forged-previous-year-through.sh).
    @Test func aForgedComparisonDayIsNamed() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try Self.writeRuns(city)
        _ = try city.night(on: LocalDate(year: 2026, month: 4, day: 2))
        let configuration = try Configuration.load(path: city.configPath)
        _ = try ReportJob(configuration: configuration, fiscalYear: FiscalYear(2025), logger: .silent).run()
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
        let json = city.root.appendingPathComponent("reports/FY2025/kouka-FY2025.json")
        var set = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        set["previousYearThrough"] = "2024-05-31"
        try JSONSerialization.data(withJSONObject: set).write(to: json)
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(verified.differences.contains { $0.kind == "written-report" && $0.field.contains("previousYearThrough") },
                "\(verified.differences.map { ($0.kind, $0.field) })")
    }
}
