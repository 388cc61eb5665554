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
        #expect(!restated.changes.contains { $0.field.hasPrefix("policyPeriod.years[2024]") }, "its own year is compared as its own, once (helper-151 #2)")
        // The stated baseline the figures moved with is named first, and only the column that changed (helper-177 #4: the
        // restatement said which figures, never which catalog row).
        #expect(restated.changes.filter(\.isCatalogRow) == [RestatedFigure(field: "catalog.rows[T01|2020-04-01|runs].residualMinutesPerUnit",
                                                                            label: "カタログの行 T01（2020-04-01 から）残る作業の時間（分/回）", before: 15, after: 45)])
        #expect(restated.changes.first?.isCatalogRow == true)
        #expect(restated.notice.contains("改めた数値 \(restated.changes.count - 1) 件、値の変わったカタログの行 1 行（初めに示す）"), "\(restated.notice)")
        let folder = city.root.appendingPathComponent("reports/FY2024")
        let markdown = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("## 改訂（2026-11-27T04:00:00+09:00 作成の報告から）"))
        #expect(markdown.contains("| RPAによる削減時間（時間） | 5.50 | 4.50 |"))
        #expect(markdown.contains("| カタログの行 T01（2020-04-01 から）残る作業の時間（分/回） | 15.00 | 45.00 |"))
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

    /// A set made on April 1 of the year just ended (the packaged year-to-date report) is a 速報: the last exports of March
    /// arrive in the days after. The closing set of April 10 over it restates nothing, and says it no more (helper-150 #1:
    /// every closing report named 改訂, exit 1).
    @Test func theClosingSetOverAPreliminaryOneRestatesNothing() throws {
        let city = try Self.city()
        defer { city.remove() }
        let april1 = LocalDate(year: 2025, month: 4, day: 1)
        try Self.night(city, on: april1)
        let early = try Self.report(city, 2024, on: april1)
        #expect(early.exitCode == .done)
        #expect(try Self.json(city, "FY2024").preliminary == Preliminary(asOf: "2025-03-31", settledFrom: "2025-04-10"))
        let markdown = try String(contentsOf: city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("> 速報: 期間の終了から 9 日を経ていない 2025-03-31 現在の数値。"))
        // March's last export arrives on April 3: a run of March 31.
        try city.write("logs/tasks-late.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t4", "住民税_課税資料取込", "FINISH", "2025/03/31 09:00:00"),
        ]), encoding: .shiftJIS)
        let april10 = LocalDate(year: 2025, month: 4, day: 10)
        try Self.night(city, on: april10)
        let closing = try Self.report(city, 2024, on: april10, hour: 5)
        #expect(closing.hoursSaved.total == 8.25, "3 × (180 − 15) minutes")
        #expect(closing.restated == nil)
        #expect(closing.exitCode == .done)
        let settled = try Self.json(city, "FY2024")
        #expect(settled.preliminary == nil && settled.restatements == nil)
        // Settled, it is restated from now on: the April 11 set with one more late run says so.
        try city.write("logs/tasks-later.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t5", "住民税_課税資料取込", "FINISH", "2025/03/30 09:00:00"),
        ]), encoding: .shiftJIS)
        let april11 = april10.adding(days: 1)
        try Self.night(city, on: april11)
        let later = try Self.report(city, 2024, on: april11)
        #expect(later.exitCode == .doneWithFindings)
        #expect(later.restated?.changes.first { $0.field == "targets[rpa-hours].actual" }.map { [$0.before, $0.after] } == [8.25, 11])
    }

    /// A set whose JSON, or whose restatements, do not read as Kouka writes them is not replaced: the history it holds would
    /// be lost with it (helper-148 #4: a `restatements` that is no list trapped the job).
    @Test(arguments: ["not json", #"{"generatedAt": "x", "restatements": "edited"}"#, #"{"generatedAt": "x", "restatements": [{"changes": 1}]}"#])
    func aSetWhoseHistoryDoesNotReadIsNotReplaced(json: String) throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.night(city)
        _ = try Self.report(city, 2024)
        let path = city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
        try Data(json.utf8).write(to: path)
        #expect(throws: OutputRefused.self) { try Self.report(city, 2024) }
        #expect(try Data(contentsOf: path) == Data(json.utf8), "the set is left as it was")
    }

    /// A month's settled set (made on the 10th) made again with other figures is a restatement: a month's year to date stops
    /// at its end, and its day was taken for the set's, so no month was ever settled (helper-151 #1).
    @Test func aSettledMonthMadeAgainWithOtherFiguresSaysSo() throws {
        let city = try Self.city()
        defer { city.remove() }
        let tenth = LocalDate(year: 2024, month: 7, day: 10)
        try Self.night(city, on: tenth)
        let options = { (day: LocalDate) in
            ReportOptions(period: .month(year: 2024, month: 6), generatedAt: LocalClock.tokyo.instant(of: day, hour: 5, minute: 0, second: 0), today: day)
        }
        let first = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options(tenth), logger: .silent).run()
        #expect(first.exitCode == .done && first.preliminary == nil)
        try Self.correctCatalog(city)
        try Self.night(city, on: tenth.adding(days: 1))
        let again = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options(tenth.adding(days: 1)), logger: .silent).run()
        #expect(again.exitCode == .doneWithFindings)
        #expect(again.restated?.replacedAsOf == "2024-07-09")
        #expect(again.restated?.changes.first { $0.field == "hoursSaved.total" }.map { [$0.before, $0.after] } == [5.5, 4.5])
        // Both runs fall in the month's first week, as its weekly table prints it (helper-158 #2).
        #expect(again.restated?.changes.first { $0.field == "weeks[2024-06-01〜2024-06-07].hoursSaved" }.map { [$0.before, $0.after] } == [5.5, 4.5])
        #expect(again.restated?.changes.contains { $0.field.hasPrefix("weeks[2024-06-08") } == false)
    }

    /// A 速報 made on the day its period's settled set was due (the nightly runs since stopped): exit 1, so that the packaged
    /// run of the 10th does not leave a 速報 as the last set in silence (helper-151 #6).
    @Test func aPreliminarySetMadeWhenTheSettledOneWasDueExitsOne() throws {
        let city = try Self.city()
        defer { city.remove() }
        try Self.night(city, on: LocalDate(year: 2025, month: 4, day: 1))
        let summary = try Self.report(city, 2024, on: LocalDate(year: 2025, month: 4, day: 10), hour: 5)
        #expect(summary.preliminary == Preliminary(asOf: "2025-03-31", settledFrom: "2025-04-10", storeBehind: true))
        #expect(summary.exitCode == .doneWithFindings)
        // It does not promise a set made that day will be settled (helper-153 #4).
        let markdown = try String(contentsOf: city.root.appendingPathComponent("reports/FY2024/kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("夜間集計がその後の日をまだ読み終えていない（夜間集計が止まったか、ログの置き場所の一つにファイルが見つからなかった）ため、確定した数値ではない。"))
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

    /// The year under way's set, made again each month, states the year closed before it in its period section: a figure of
    /// that year restated there is a restatement, whatever the set's own period (helper-148 #2).
    @Test func aClosedYearRestatedInTheSetOfTheYearUnderWayIsNamed() throws {
        let city = try Self.city()
        defer { city.remove() }
        try city.write("logs/tasks-2025.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t7", "住民税_課税資料取込", "FINISH", "2025/06/02 09:00:00"),
        ]), encoding: .shiftJIS)
        let november = LocalDate(year: 2025, month: 11, day: 27)
        try Self.night(city, on: november)
        #expect(try Self.report(city, 2025, on: november).exitCode == .done)
        try Self.correctCatalog(city)
        try Self.night(city, on: november.adding(days: 1))
        let again = try Self.report(city, 2025, on: november.adding(days: 1))
        #expect(again.exitCode == .doneWithFindings)
        let fields = again.restated?.changes.map(\.field) ?? []
        // The catalog row the year moved with comes first (helper-177 #4).
        #expect(fields == ["catalog.rows[T01|2020-04-01|runs].residualMinutesPerUnit", "policyPeriod.years[2024].rpaHours"], "the year under way's own figures grow by rule: \(fields)")
        #expect(again.restated?.changes.last.map { [$0.before, $0.after] } == [5.5, 4.5])
        #expect(again.restated?.changes.last?.label == "令和6年度 RPAによる削減時間（時間）")
    }

    /// One task's rows for two systems from one day are two rows: keyed by task and day alone, an AI-OCR row's change went
    /// unlisted, and a translation row added was stated as the AI-OCR row's minutes raised tenfold (helper-178 #1, #2).
    @Test func aTasksRowsForTwoSystemsAreListedApart() {
        func set(_ rows: [(String, Double, Double)]) -> [String: Any] {
            ["catalog": ["rows": rows.map { ["task": "A06", "validFrom": "2023-04-01", "unit": $0.0, "manualMinutesPerUnit": $0.1,
                                             "residualMinutesPerUnit": $0.2, "reworkMinutesPerFailure": 0] }]]
        }
        let both = set([("characters", 60, 10), ("sheets", 6, 1)])
        #expect(ReportRestating.catalogRows(from: both, to: set([("characters", 60, 10), ("sheets", 8, 1)])) == [
            RestatedFigure(field: "catalog.rows[A06|2023-04-01|sheets].manualMinutesPerUnit", label: "カタログの行 A06（2023-04-01 から）手作業の時間（分/枚）", before: 6, after: 8),
        ])
        #expect(ReportRestating.catalogRows(from: set([("sheets", 6, 1)]), to: both).map { [$0.field, $0.text($0.before), $0.text($0.after)] } == [
            ["catalog.rows[A06|2023-04-01|characters].manualMinutesPerUnit", "なし", "60.00"],
            ["catalog.rows[A06|2023-04-01|characters].residualMinutesPerUnit", "なし", "10.00"],
            ["catalog.rows[A06|2023-04-01|characters].reworkMinutesPerFailure", "なし", "0.00"],
        ])
        // Two rows of one unit (a chatbot's and an RPA's runs) keep their places in the set's order.
        #expect(ReportRestating.catalogRows(from: set([("runs", 5, 0), ("runs", 9, 0)]), to: set([("runs", 5, 0), ("runs", 12, 0)])).map(\.field)
                == ["catalog.rows[A06|2023-04-01|runs#].manualMinutesPerUnit"])
    }

    /// A catalog revised in many rows lists up to 50 of their minutes and up to 50 figures: the restated hours are never
    /// pushed out of the Markdown and HTML by the rows (helper-186 #7); the notice counts rows, not their columns (#6).
    @Test func manyCatalogRowsNeverPushTheFiguresOutOfTheList() {
        let rows = (0..<30).flatMap { n in
            ["manualMinutesPerUnit", "residualMinutesPerUnit"].map { RestatedFigure(field: "catalog.rows[T\(n)|2024-04-01|runs].\($0)", label: "row \(n)", before: 1, after: 2) }
        }
        let figures = (0..<60).map { RestatedFigure(field: "months[\($0)].hoursSaved", label: "figure \($0)", before: 1, after: 2) }
        let restatement = Restatement(replacedGeneratedAt: "g", replacedKoukaVersion: "v", replacedAsOf: "d", changes: rows + figures)
        #expect(restatement.listed.count == 100)
        #expect(restatement.listed.filter { !$0.isCatalogRow }.map(\.label) == (0..<50).map { "figure \($0)" })
        #expect(restatement.notice.contains("改めた数値 60 件、値の変わったカタログの行 30 行（初めに示す）"), "\(restatement.notice)")
        #expect(restatement.notice.contains("それぞれ 50 件まで示す"))
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
        // A target added to kouka.toml after the set was made restates no figure (helper-148 #5).
        #expect(ReportRestating.changes(from: ["targets": [] as [Any]], to: ["targets": [["metric": "rpa-hours", "label": "RPA", "actual": 5.5]]]).isEmpty)
        // A month's year to date states its AI-supported tasks (helper-149 #1), and a set with [money] its yen (#2).
        let month = ReportRestating.changes(
            from: ["yearToDate": ["hoursSaved": 2.0, "targets": [["metric": "ai-tasks", "label": "AIを活用した業務数", "actual": 1]]],
                   "money": ["savedYen": 23_100, "licenceYen": 360_000, "netYen": -336_900]],
            to: ["yearToDate": ["hoursSaved": 2.0, "targets": [["metric": "ai-tasks", "label": "AIを活用した業務数", "actual": 0]]],
                 "money": ["savedYen": 24_640, "licenceYen": 360_000, "netYen": -335_360]])
        #expect(month.map(\.field) == ["yearToDate.targets[ai-tasks].actual", "money.savedYen", "money.netYen"])
        #expect(month.map { $0.text($0.after) } == ["0", "24,640", "-335,360"])
        // Hours are hours whatever a name holds (helper-151 #8).
        #expect(RestatedFigure(field: "tasks[T1|Yen課.aiTasks|rpa|runs].hoursSaved", label: "", before: nil, after: 1.87).text(1.87) == "1.87")
    }
}
