import Foundation
@testable import Kouka
import Testing

/// A WinActor task still WAITING past `pending_max_hours`, never started (no 開始日時): rejected as undated, it cost
/// no rework where a run that started and stuck did, against docs/figures.md (found by an RPA export chain fuzzer).
/// It is an unfinished run of its scheduled day now; when a later export holds it run — on another day, by its
/// 開始日時 — that export counts it, in whichever order the two are read.
@Suite struct WinActorTaskNeverStartedTests {
    static func waiting(_ id: String, created: String, scheduled: String) -> String {
        "\(id),住民税課税資料取込_定期,sc-1,住民税_課税資料取込,WAITING,確認済,,,なし,あり,停止,しない,,,\(created),,,\(created),,wa,WA01,wa,WA01,s1,定期,\(scheduled),,,情報政策課,0,"
    }

    static func report(_ city: TemporaryCity) throws -> YearReport {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
    }

    @Test func aTaskWaitingPastTheAllowedAgeIsAnUnfinishedFailureOfItsScheduledDay() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00"),
            Self.waiting("w1", created: "2024/05/01 09:00:00", scheduled: "2024/05/02 10:00:00"),
        ]), encoding: .shiftJIS)
        let night = try city.nightly()
        #expect(night.rejections.isEmpty, "\(night.rejections)")
        #expect(night.unfinishedRuns.map(\.path) == ["logs/a.csv"])
        let task = try #require(try Self.report(city).tasks.first)
        #expect(task.successes == 1 && task.failures == 1 && task.unfinished == 1)
        // 180 − 15 minutes saved by the run that finished, 30 minutes of rework for the one that never ran.
        #expect(task.hoursSaved == 2.25)
        let day = try city.store().rollups(from: LocalDate(year: 2024, month: 5, day: 2), to: LocalDate(year: 2024, month: 5, day: 2))
        #expect(day.map(\.key.outcome) == [.unfinished], "dated by its 実行予定日時")
    }

    @Test(arguments: [false, true])
    func aLaterExportHoldingTheTaskRunOnAnotherDayCountsItOnce(runFirst: Bool) throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let waiting = ("logs/a.csv", TemporaryCity.winActorCSV([Self.waiting("w1", created: "2024/05/01 09:00:00", scheduled: "2024/05/01 10:00:00")]))
        let ran = ("logs/b.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("w1", "住民税_課税資料取込", "FINISH", "2024/05/03 10:00:00")]))
        for (name, text) in runFirst ? [ran, waiting] : [waiting, ran] {
            try city.write(name, text, encoding: .shiftJIS)
            _ = try city.nightly()
        }
        let task = try #require(try Self.report(city).tasks.first)
        #expect(task.successes == 1 && task.failures == 0, "one run, which finished on May 3")
        #expect(task.hoursSaved == 2.75)
        #expect(try city.store().rejections().map(\.file) == [waiting.0])
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
