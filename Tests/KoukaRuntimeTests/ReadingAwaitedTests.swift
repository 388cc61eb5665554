import Foundation
@testable import Kouka
import Testing

/// A store upgraded by a job that opened it, its counted files marked to be read again by the new rules (as migration v39
/// marks the robots' logs), is not reported from until a nightly run has read them: the report made first published the
/// earlier version's figure as this one's, with exit 0 (helper-170 #1).
struct ReadingAwaitedTests {
    static let day = LocalDate(year: 2024, month: 6, day: 10)

    /// A city with one WinActor export of one run (165 minutes saved: 2.75 h), read by the night of June 10, 2024.
    static func cityReadOnce() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/06/03 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try city.night(on: day)
        return city
    }

    @Test func aReportWaitsForTheReadingAnUpgradeAsksFor() throws {
        let city = try Self.cityReadOnce()
        defer { city.remove() }
        // As a migration leaves the store of an earlier version: the line's change time cleared, for the next nightly run to
        // read it again, and no run of this version yet.
        try city.store().db.execute("UPDATE source_files SET changed_at = 0; DELETE FROM read_by_since")
        let report = { try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build() }
        #expect(throws: ReadingAwaited(files: 1, example: "logs/tasks.csv")) { try report() }
        #expect(KoukaExitCode.code(for: ReadingAwaited(files: 1, example: "x")) == .locked)
        _ = try city.night(on: Self.day.adding(days: 1))
        #expect(abs(try report().hoursSaved.total - 2.75) < 0.005)
    }

    /// A copy of a counted file marked to be read again is read again too: the report does not wait for ever.
    @Test func aCopyMarkedToBeReadAgainIsReadByTheNextNight() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let export = TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/06/03 09:00:00")])
        try city.write("logs/tasks.csv", export, encoding: .shiftJIS)
        try city.write("logs/tasks-copy.csv", export, encoding: .shiftJIS)
        let day = LocalDate(year: 2024, month: 6, day: 10)
        _ = try city.night(on: day)
        #expect(try city.store().sources().map(\.status).sorted { $0.rawValue < $1.rawValue } == [.duplicate, .present])
        try city.store().db.execute("UPDATE source_files SET changed_at = 0; DELETE FROM read_by_since")
        _ = try city.night(on: Self.day.adding(days: 1))
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(abs(report.hoursSaved.total - 2.75) < 0.005)
    }

    /// A file the upgrade's first nightly run could not read (a directory now stands at its path, as a log copied back by
    /// another user would be unreadable) does not block every report after it: the run tried, names it each night, and the
    /// report goes on with what the file counted (helper-174 #1: 75 every day, the message asking for a run that had run).
    @Test func aFileTheNightCouldNotReadAgainDoesNotBlockTheReports() throws {
        let city = try Self.cityReadOnce()
        defer { city.remove() }
        try city.store().db.execute("UPDATE source_files SET changed_at = 0; DELETE FROM read_by_since")
        try city.delete("logs/tasks.csv")
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs/tasks.csv"), withIntermediateDirectories: false)
        let night = try city.night(on: Self.day.adding(days: 1))
        #expect(night.filesUnreadable.map(\.path) == ["logs/tasks.csv"], "\(night.filesUnreadable)")
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(abs(report.hoursSaved.total - 2.75) < 0.005)
        // Its figures are the earlier version's: the set is made, and its job exits 1 (helper-175 F2).
        // Made the day after that night, the year under way: nothing else to say but that.
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2024)), generatedAt: LocalClock.tokyo.instant(of: Self.day.adding(days: 1), hour: 10,
                                                                                                                minute: 0, second: 0),
                                    today: Self.day.adding(days: 1))
        let made = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).run()
        #expect(made.exitCode == .doneWithFindings, "\(made.preliminary.map { "\($0)" } ?? "not a 速報")")
    }
}
