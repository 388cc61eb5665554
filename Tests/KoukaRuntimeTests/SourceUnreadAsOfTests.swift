import Foundation
@testable import Kouka
import Testing

/// A share unmounted on the night a year settles, its mount point left as an empty folder: that night's run found no file
/// at the source, marked its export gone (figures kept) and did not see the log that arrived there the day before. The
/// closing report stated the store as of the last day, settled, without that log, with exit 0 (helper-158 #1). The store
/// is complete only to the last run that read every source whose files it counts.
@Suite struct SourceUnreadAsOfTests {
    static let sources = """
        [[source]]
        format = "winactor-task-csv"
        path = "logs/*.csv"
        encoding = "shift_jis"
        [[source]]
        format = "winactor-task-csv"
        path = "share/*.csv"
        encoding = "shift_jis"
        [[source]]
        format = "winactor-task-csv"
        path = "pending/*.csv"
        encoding = "shift_jis"
        """

    func report(_ city: TemporaryCity, on day: LocalDate) throws -> YearReport {
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: day, hour: 10, minute: 0, second: 0),
                                    today: day)
        return try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
    }

    func april(_ day: Int) -> LocalDate { LocalDate(year: 2025, month: 4, day: day) }

    @Test func aNightThatFoundASourceEmptyDoesNotCompleteTheStore() throws {
        let city = try TemporaryCity(sources: Self.sources)
        defer { city.remove() }
        func export(_ name: String, _ id: String, _ start: String) throws {
            try city.write(name, TemporaryCity.winActorCSV([TemporaryCity.winActorRow(id, "住民税_課税資料取込", "FINISH", start)]), encoding: .shiftJIS)
        }
        try export("logs/a.csv", "t1", "2025/03/10 10:00:00")
        try export("share/b.csv", "t2", "2025/03/12 10:00:00")
        // The source that never had a file (a tool with no logs yet) holds nothing to miss, on any night.
        #expect(try city.night(on: april(2)).sourcesMissing.map(\.path) == ["pending/*.csv"])
        #expect(try report(city, on: april(3)).asOf == "2025-04-01")

        // A log of March 31 arrives at the share on April 9; on the night of April 10 the share is not mounted.
        try export("share/c.csv", "t3", "2025/03/31 10:00:00")
        let share = city.root.appendingPathComponent("share"), away = city.root.appendingPathComponent("share.off")
        try FileManager.default.moveItem(at: share, to: away)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: false)
        let unread = try city.night(on: april(10))
        #expect(unread.filesGone == ["share/b.csv"])
        let missing = try #require(unread.sourcesMissing.first { $0.path == "share/*.csv" })
        #expect(missing.reason.contains("速報"), "\(missing.reason)")
        #expect(try #require(unread.sourcesMissing.first { $0.path == "pending/*.csv" }).reason.contains("速報") == false)
        try FileManager.default.removeItem(at: share)
        try FileManager.default.moveItem(at: away, to: share)

        // The closing report of April 10: as of the night that read the share, a 速報 — not FY2024 settled at 5.50 h
        // (two runs of 165 minutes) without the third.
        let closing = try report(city, on: april(10))
        #expect(closing.asOf == "2025-04-01")
        #expect(closing.preliminary?.asOf == "2025-04-01")
        #expect(abs(closing.hoursSaved.total - 5.5) < 0.005)

        // The night the share is back reads the log it missed: settled, three runs, 8.25 h.
        _ = try city.night(on: april(11))
        let settled = try report(city, on: april(11))
        #expect(settled.asOf == "2025-04-10")
        #expect(settled.preliminary == nil)
        #expect(abs(settled.hoursSaved.total - 8.25) < 0.005)
    }

    /// The share unmounted from before the year's end to its closing day: the store stops before March 31, and the closing
    /// set is a 速報 made when the settled one was due (exit 1), not the year stated as still under way with exit 0
    /// (helper-165 #2).
    @Test func aClosingSetWhoseStoreStopsBeforeTheYearsEndIsAPreliminaryOne() throws {
        let city = try TemporaryCity(sources: Self.sources)
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2025/03/10 10:00:00")]),
                       encoding: .shiftJIS)
        try city.write("share/b.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2025/03/12 10:00:00")]),
                       encoding: .shiftJIS)
        _ = try city.night(on: LocalDate(year: 2025, month: 3, day: 20))
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("share/b.csv"))
        _ = try city.night(on: april(10))
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: april(10), hour: 5, minute: 0, second: 0),
                                    today: april(10))
        let closing = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
        #expect(closing.preliminary?.asOf == "2025-03-19")
        #expect(closing.preliminary?.storeBehind == true)
        #expect(closing.exitCode == .doneWithFindings)
    }

    /// A nightly run stopped (SIGTERM) before its last file read the night in part, or not at all: the store is complete to
    /// the run before, and the closing set made that morning is a 速報 made when the settled one was due, not settled without
    /// the log that arrived the day before (helper-169 #1).
    @Test func aNightStoppedBeforeItsLastFileDoesNotCompleteTheStore() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2025/03/10 10:00:00")]),
                       encoding: .shiftJIS)
        _ = try city.night(on: april(9))
        _ = try city.night(on: april(10))
        // As a run stopped between files leaves its line: finished, interrupted.
        try city.store().db.execute("UPDATE job_runs SET interrupted = 1 WHERE id = (SELECT max(id) FROM job_runs)")
        let closing = try report(city, on: april(10))
        #expect(closing.asOf == "2025-04-08")
        #expect(closing.preliminary?.asOf == "2025-04-08")
    }

    @Test func aPatternWithDoubleStarMatchesTheFilesItWouldExpand() {
        #expect(SourcesUnread.matches("/c/share/*.csv", "/c/share/b.csv"))
        #expect(!SourcesUnread.matches("/c/share/*.csv", "/c/share/x/b.csv"))
        #expect(!SourcesUnread.matches("/c/share/*.csv", "/c/logs/b.csv"))
        #expect(SourcesUnread.matches("/c/share/**/*.csv", "/c/share/b.csv"))
        #expect(SourcesUnread.matches("/c/share/**/*.csv", "/c/share/x/y/b.csv"))
        #expect(!SourcesUnread.matches("/c/share/**/*.csv", "/c/logs/b.csv"))
        // Written relative to the configuration's folder, `**` first (helper-165 #5).
        #expect(SourcesUnread.matches("**/*.csv", "a.csv"))
        #expect(SourcesUnread.matches("**/*.csv", "x/a.csv"))
    }
}
