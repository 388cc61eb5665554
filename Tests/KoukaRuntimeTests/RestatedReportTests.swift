import Foundation
@testable import Kouka
import Testing

/// A year's set made after the year was over, then made again stating other figures (a catalog row corrected, a log read
/// late): the figures a city published are restated. The new set says so, with each figure before and after, and its job
/// exits 1; the sets after it keep saying so (helper-146 #2: 3.27 h became 1.87 h, exit 0, and from then on nothing said it).
struct RestatedReportTests {
    static let day = LocalDate(year: 2026, month: 11, day: 27)

    static func night(_ city: TemporaryCity, on day: LocalDate = Self.day) throws {
        let options = NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
    }

    static func report(_ city: TemporaryCity, _ year: Int, on day: LocalDate = Self.day, hour: Int = 4) throws -> ReportSummary {
        let options = ReportOptions(period: .fiscalYear(FiscalYear(year)), generatedAt: LocalClock.tokyo.instant(of: day, hour: hour, minute: 0, second: 0), today: day)
        return try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
    }

    static func city() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/06/03 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/06/04 09:00:00"),
            TemporaryCity.winActorRow("t3", "住民税_課税資料取込", "FINISH", "2026/06/01 09:00:00"),
        ]), encoding: .shiftJIS)
        return city
    }

    /// T01's residual time corrected from 15 to 45 minutes, in place.
    static func correctCatalog(_ city: TemporaryCity) throws {
        try city.write("catalog.csv", TemporaryCity.catalog.replacingOccurrences(of: "rpa,runs,180,15,30", with: "rpa,runs,180,45,30"))
    }

    static func json(_ city: TemporaryCity, _ stem: String) throws -> YearReport {
        try JSONDecoder().decode(YearReport.self, from: Data(contentsOf: city.root.appendingPathComponent("reports/\(stem)/kouka-\(stem).json")))
    }

    @Test func aClosedYearsSetMadeAgainWithOtherFiguresSaysSoAndExitsOne() throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.night(city)
        let first = try Self.report(city, 2024)
        #expect(first.exitCode == .done)
        #expect(first.restated == nil)
        // 2 × (180 − 15) = 330 minutes; corrected, 2 × (180 − 45) = 270.
        #expect(first.hoursSaved.total == 5.5)
        try Self.correctCatalog(city)
        try Self.night(city, on: Self.day.adding(days: 1))
        let again = try Self.report(city, 2024, on: Self.day.adding(days: 1))
        #expect(again.exitCode == .doneWithFindings)
        let restated = try #require(again.restated)
        #expect(restated.replacedGeneratedAt == "2026-11-27T04:00:00+09:00")
        #expect(restated.replacedAsOf == "2026-11-26")
        let rpa = try #require(restated.changes.first { $0.field == "targets[rpa-hours].actual" })
        #expect(rpa.before == 5.5 && rpa.after == 4.5)
        #expect(restated.changes.contains { $0.field == "departments[税務課].hoursSaved" && $0.before == 5.5 && $0.after == 4.5 })
        #expect(restated.changes.contains { $0.field == "months[2024-06].hoursSaved" })
        #expect(restated.changes.contains { $0.field == "tasks[T01|税務課|rpa|runs].hoursSaved" })
        #expect(!restated.changes.contains { $0.field.hasPrefix("targets[ai-tasks]") }, "no AI figure moved")
        let folder = city.root.appendingPathComponent("reports/FY2024")
        let markdown = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("## 改訂（2026-11-27T04:00:00+09:00 作成の報告から）"))
        #expect(markdown.contains("| RPAによる削減時間（時間） | 5.50 | 4.50 |"))
        let html = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.html"), encoding: .utf8)
        #expect(html.contains("<td>RPAによる削減時間（時間）</td><td class=\"n\">5.50</td><td class=\"n\">4.50</td>"))
        #expect(try MonthReportWithRunsStillRunningTests.workbookText(folder.appendingPathComponent("kouka-FY2024.xlsx").path).contains("改訂: 2026-11-27T04:00:00+09:00 に作成した報告"))

        // Made once more with the same figures: nothing new is restated, and the set still tells what was.
        try Self.night(city, on: Self.day.adding(days: 2))
        let third = try Self.report(city, 2024, on: Self.day.adding(days: 2))
        #expect(third.exitCode == .done)
        #expect(third.restated == nil)
        #expect(try Self.json(city, "FY2024").restatements == [restated])
        // The history is no figure of the store's: verify finds the set as the store gives it.
        let verify = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verify.differences.isEmpty, "\(verify.differences)")
    }

    /// A year under way grows each night: its set made again is no restatement.
    @Test func aYearUnderWayMadeAgainRestatesNothing() throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.night(city)
        _ = try Self.report(city, 2026)
        try Self.correctCatalog(city)
        try Self.night(city, on: Self.day.adding(days: 1))
        let again = try Self.report(city, 2026, on: Self.day.adding(days: 1))
        #expect(again.restated == nil)
        #expect(again.exitCode == .done)
        #expect(try Self.json(city, "FY2026").restatements == nil)
    }

    /// The figures compared are those people read: a department or task line that appears with no hours is none.
    @Test func aLineOnOneSideOnlyDiffersByItsFigure() {
        let old: [String: Any] = ["departments": [["department": "税務課", "hoursSaved": 1.5]], "tasks": [] as [Any]]
        let new: [String: Any] = ["departments": [["department": "税務課", "hoursSaved": 1.5], ["department": "市民課", "hoursSaved": 0.0]],
                                  "tasks": [["task": "T02", "department": "市民課", "system": "rpa", "unit": "runs", "name": "転入", "hoursSaved": 0.25]]]
        let changes = ReportRestating.changes(from: old, to: new)
        #expect(changes.map(\.field) == ["tasks[T02|市民課|rpa|runs].hoursSaved"])
        #expect(changes.first?.before == nil && changes.first?.after == 0.25)
        // A target's actual known on one side only (記録なし against a figure) differs, even at 0.
        let unknown = ReportRestating.changes(from: ["targets": [["metric": "ai-tasks", "label": "AI", "actual": NSNull()]]],
                                              to: ["targets": [["metric": "ai-tasks", "label": "AI", "actual": 0]]])
        #expect(unknown.map(\.field) == ["targets[ai-tasks].actual"])
    }
}
