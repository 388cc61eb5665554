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

/// The set of the year under way, made on the 1st by the packaged timer, grows with each night's logs, as it says: a weekly
/// verify named it outdated (exit 1) eleven months a year, hiding the differences that mattered (helper-153 #1).
struct YearUnderWayVerifyTests {
    @Test func aSetOfTheYearUnderWayThatGrewWithNewLogsIsNoDifference() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        func log(_ day: String) throws {
            try city.write("logs/\(day)_Execution.log", MonthReportWithRunsStillRunningTests.line("j\(day)", day, "09:00:00", "started")
                + MonthReportWithRunsStillRunningTests.line("j\(day)", day, "09:10:00", "ended", end: 600))
        }
        try log("2024-06-03")
        let made = LocalDate(year: 2024, month: 6, day: 4)
        try MonthReportWithRunsStillRunningTests.night(city, on: made)
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: made, hour: 4, minute: 30, second: 0), today: made)
        _ = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
        try log("2024-06-04")
        try MonthReportWithRunsStillRunningTests.night(city, on: made.adding(days: 1))
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        #expect(verified.reportsUnderWay.count == 1)
        #expect(verified.reportsUnderWay.first?.contains("made as of 2024-06-03, while its period was under way") == true, "\(verified.reportsUnderWay)")
    }

    /// The set of the year under way and a night's new log, as above; then `edit` applied to its JSON and every file rendered
    /// again from it, with SHA256SUMS, as a tamperer would.
    static func editedSet(_ edit: (inout [String: Any]) -> Void) throws -> (TemporaryCity, VerifySummary) {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        func log(_ day: String) throws {
            try city.write("logs/\(day)_Execution.log", MonthReportWithRunsStillRunningTests.line("j\(day)", day, "09:00:00", "started")
                + MonthReportWithRunsStillRunningTests.line("j\(day)", day, "09:10:00", "ended", end: 600))
        }
        try log("2024-06-03")
        let made = LocalDate(year: 2024, month: 6, day: 4)
        try MonthReportWithRunsStillRunningTests.night(city, on: made)
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: made, hour: 4, minute: 30, second: 0), today: made)
        _ = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
        try log("2024-06-04")
        try MonthReportWithRunsStillRunningTests.night(city, on: made.adding(days: 1))
        let folder = city.root.appendingPathComponent("reports/FY2024")
        let url = folder.appendingPathComponent("kouka-FY2024.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edit(&json)
        let edited = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let report = try JSONDecoder().decode(YearReport.self, from: edited)
        try edited.write(to: url)
        for (name, data) in try ReportRendering.texts(report, stem: "kouka-FY2024", shiftJIS: false) { try data.write(to: folder.appendingPathComponent(name)) }
        try XLSXReportWriter.write(report, to: folder.appendingPathComponent("kouka-FY2024.xlsx").path, created: LocalClock.tokyo.instant(of: made, hour: 4, minute: 30, second: 0))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "SHA256SUMS" }.sorted()
        let sums = names.map { "\(SHA256.hexDigest(ofFile: folder.appendingPathComponent($0).path) ?? "")  \($0)" }.joined(separator: "\n") + "\n"
        try Data(sums.utf8).write(to: folder.appendingPathComponent("SHA256SUMS"))
        return (city, try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run())
    }

    /// The harness itself: the set rendered again unedited is still only under way.
    @Test func aSetRenderedAgainUneditedIsStillUnderWay() throws {
        let (city, verified) = try Self.editedSet { _ in }
        defer { city.remove() }
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        #expect(verified.reportsUnderWay.count == 1)
    }

    /// An inflated total in such a set is no growth: named (helper-155 #1).
    @Test func anInflatedFigureOfASetUnderWayIsStillNamed() throws {
        let (city, verified) = try Self.editedSet { json in
            var hours = json["hoursSaved"] as! [String: Any]
            hours["total"] = 99.0
            json["hoursSaved"] = hours
        }
        defer { city.remove() }
        #expect(verified.differences.contains { $0.field == "hoursSaved.total" }, "\(verified.differences)")
        #expect(verified.reportsUnderWay.isEmpty)
    }

    /// A set whose day was edited to another than its sections state is not taken for one under way (helper-155 #2).
    @Test func aSetWhoseDayWasEditedIsNotTakenForOneUnderWay() throws {
        let (city, verified) = try Self.editedSet { json in json["asOf"] = "2024-06-01" }
        defer { city.remove() }
        #expect(!verified.differences.isEmpty)
        #expect(verified.reportsUnderWay.isEmpty)
    }
}
