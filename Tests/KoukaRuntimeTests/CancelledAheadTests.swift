import Foundation
@testable import Kouka
import Testing

/// A WinActor task booked for a day ahead and cancelled before it (a holiday): it never started, and is dated by its
/// 実行予定日時 as every cancelled task is. It was rejected every night as "in the future; check the robot's clock", the
/// nightly exiting 1, and the closed year's report listed it as a row of unknown date (helper-144 #1).
struct CancelledAheadTests {
    @Test func aTaskCancelledAheadOfItsDayIsACancelledRunNotAClockError() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let cancelled = "t9,住民税_課税資料取込_定期,sc-1,住民税_課税資料取込,CANCEL,確認済,,,なし,あり,停止,しない,,,2026/11/20 10:00:00,,,"
            + "2026/11/25 10:00:00,0,wa,WA01,wa,WA01,s1,定期,2026/12/10 09:00:00,,,情報政策課,0,"
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/11/02 09:00:00"), cancelled,
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2026, month: 11, day: 27)
        let options = NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        #expect(summary.exitCode == .done)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2026), logger: .silent).build()
        #expect(report.exclusions.cancelledRuns == 1)
        #expect(report.exclusions.rejectedRowsDateUnknown == 0)
        // 180 − 15 minutes for the one run that finished; the cancelled one saves nothing.
        #expect(report.hoursSaved.total == 2.75)
    }

    /// Only a schedule within 400 days is a booking: a creation time ahead, or a year mistyped, is a clock or an export out
    /// of time (helper-148 #8).
    @Test(arguments: [("2026/11/20 10:00:00", "2052/12/10 09:00:00"), ("2026/12/20 10:00:00", "")])
    func aCancelledTaskDatedOutOfAnyBookingIsAClockError(created: String, scheduled: String) throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let row = "t9,住民税_課税資料取込_定期,sc-1,住民税_課税資料取込,CANCEL,確認済,,,なし,あり,停止,しない,,,\(created),,,"
            + "2026/11/25 10:00:00,0,wa,WA01,wa,WA01,s1,定期,\(scheduled),,,情報政策課,0,"
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([row]), encoding: .shiftJIS)
        let day = LocalDate(year: 2026, month: 11, day: 27)
        let options = NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(summary.rejections.map(\.reason) == ["the run's time is in the future; check the robot's clock or the export, or this server's clock if it was set back: the file is read again each night until that time has come"])
    }

    /// A task that started is dated by its start: one ahead is still a clock out of time.
    @Test func aCancelledTaskThatStartedAheadIsStillAClockError() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "CANCEL", "2026/12/10 09:00:00"),
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2026, month: 11, day: 27)
        let options = NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(summary.rejections.map(\.reason) == ["the run's time is in the future; check the robot's clock or the export, or this server's clock if it was set back: the file is read again each night until that time has come"])
    }
}
