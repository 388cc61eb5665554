import Foundation
import Kouka
import Testing

/// A month's report is verified as of the day it states — its year to date's last day, or the day before the month when it
/// was made before the month began — like a year's: its tool review is compared with the store's (helper-96's
/// month-review-unverified.sh: an edited review passed), and its 前年同期 with the days it compared (helper-96's
/// yoy-verify-later.sh: April's report made on April 1 named as edited once April was over).
@Suite struct MonthReportAsOfItsDayTests {
    static func city() throws -> TemporaryCity {
        let city = try TemporaryCity()
        // T01 (165 min a run): April 10 of the year before, and May 10 this year.
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/04/10 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2025/05/10 09:00:00"),
        ]), encoding: .shiftJIS)
        return city
    }

    static func month(_ city: TemporaryCity, _ month: Int, madeOn day: LocalDate) throws {
        _ = try city.night(on: day)
        let options = ReportOptions(period: .month(year: 2025, month: month), generatedAt: LocalClock.tokyo.instant(of: day, hour: 10, minute: 0, second: 0),
                                    today: day)
        _ = try ReportJob(configuration: try Configuration.load(path: city.configPath), options: options, logger: .silent).run()
    }

    /// helper-125: a month none of whose days the store holds (made on its first day, or ahead) stated 0 h for days not yet
    /// lived, a year before ending before it began and a licence month not begun, exit 0. It is refused (64).
    @Test func aMonthNotBegunIsRefused() throws {
        let city = try Self.city()
        defer { city.remove() }
        #expect(throws: PeriodNotBegun(period: "2025-04", firstDay: LocalDate(year: 2025, month: 4, day: 1), asOf: LocalDate(year: 2025, month: 3, day: 31))) {
            try Self.month(city, 4, madeOn: LocalDate(year: 2025, month: 4, day: 1))
        }
        #expect(KoukaExitCode.code(for: PeriodNotBegun(period: "2025-04", firstDay: LocalDate(year: 2025, month: 4, day: 1), asOf: LocalDate(year: 2025, month: 3, day: 31))) == .usage)
    }

    /// Made on its second day, a month states its first: once over, the report still holds as of the day it states.
    @Test func aMonthMadeOnItsSecondDayHoldsOnceItIsOver() throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.month(city, 4, madeOn: LocalDate(year: 2025, month: 4, day: 2))
        _ = try city.night(on: LocalDate(year: 2025, month: 6, day: 3))
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(!verified.differences.contains { $0.kind == "written-report" }, "\(verified.differences)")
    }

    @Test func aMonthsEditedReviewIsNamed() throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.month(city, 5, madeOn: LocalDate(year: 2025, month: 5, day: 12))
        let configuration = try Configuration.load(path: city.configPath)
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
        let json = city.root.appendingPathComponent("reports/2025-05/kouka-2025-05.json")
        let text = try String(contentsOf: json, encoding: .utf8)
        // The review's first value of RPA runs (1 this month) made 9.
        let edited = text.replacingOccurrences(of: #""key" : "runs",\s*"label" : "([^"]*)",\s*"unit" : "([^"]*)",\s*"values" : \[\s*1"#,
                                               with: "\"key\" : \"runs\", \"label\" : \"$1\", \"unit\" : \"$2\", \"values\" : [ 9", options: .regularExpression)
        #expect(edited != text, "the review states the month's runs")
        try Data(edited.utf8).write(to: json)
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(verified.differences.contains { $0.field.hasPrefix("review") }, "\(verified.differences.map { ($0.kind, $0.field) })")
    }
}
