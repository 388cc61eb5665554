import Foundation
@testable import Kouka
import Testing

/// What a nightly run finds as it records a file is kept with the file's commit, under the list its summary would have named
/// it in: a run killed before its summary leaves it for the next to state there. A file that gained runs was stated as
/// losing them, and lines added to a robot's log of a day that was over were not kept at all (helper-145 #3).
struct LossNoticeKindsTests {
    /// The night of June 12, 2024, and the notices kept with the last file it recorded, as `kind path`.
    static func nightNotingLosses(_ city: TemporaryCity) throws -> (NightlySummary, [String]) {
        let day = LocalDate(year: 2024, month: 6, day: 12)
        var options = NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))
        let noted = Locked<[String]>([])
        options.fileObserver = { _, store in
            guard let run = store.jobRunID, let found = try? store.lossNotices(writtenBy: [run]) else { return }
            noted.update { $0 = found.map { "\($0.kind.rawValue) \($0.path)" } }
        }
        let night = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        return (night, noted.value)
    }

    @Test func linesAddedToAPastDaysLogAreKeptWithTheLogsCommit() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let name = "logs/2024-06-10_Execution.log"
        try city.write(name, RewrittenRobotLogTests.run("a", "09").joined(separator: "\r\n") + "\r\n")
        _ = try city.night(on: LocalDate(year: 2024, month: 6, day: 11), hour: 10)
        try city.write(name, (RewrittenRobotLogTests.run("a", "09") + RewrittenRobotLogTests.run("b", "11")).joined(separator: "\r\n") + "\r\n")
        let (night, noted) = try Self.nightNotingLosses(city)
        #expect(night.robotLogsRewritten.map(\.path) == [name])
        #expect(noted == ["rewritten \(name)"])
    }

    /// A killed run's notices, each stated by the next run under its own list.
    @Test func eachNoticeOfAKilledRunIsStatedUnderItsList() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2022/06/01 10:00:00"),
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2026, month: 11, day: 27)
        _ = try city.night(on: day)
        let store = try city.store()
        try store.db.execute("UPDATE job_runs SET state = 'running', ended_at = NULL, exit_code = NULL, notices_reported = 0")
        try store.db.execute("""
            INSERT INTO loss_notices (job_run_id, path, reason, kind) VALUES (1, 'logs/tasks.csv', 'fewer runs', 'losing'),
                (1, 'logs/tasks.csv', 'other figures', 'restating'), (1, 'logs/tasks.csv', 'lines added', 'rewritten'),
                (1, 'logs/tasks.csv', 'runs from Studio', 'studio')
            """)
        let next = try city.night(on: day.adding(days: 1))
        #expect(next.unreported.filesLosingRuns.map(\.reason) == ["a run that did not finish recorded it so, and stopped before it could tell whether another file holds what it lost: fewer runs"])
        #expect(next.unreported.filesRestatingDays.map(\.reason) == ["a run that did not finish recorded it so, and stopped before its summary said so: other figures"])
        #expect(next.unreported.robotLogsRewritten.map(\.reason) == ["a run that did not finish found it so, and stopped before its summary said so: lines added"])
        #expect(next.unreported.runsFromStudio.map(\.reason) == ["a run that did not finish read it, and stopped before its summary said so: runs from Studio"])
        #expect(next.exitCode == .doneWithFindings)
    }

    /// A robot's log holding runs started from Studio is noted with its commit, for a run killed before its summary
    /// (helper-170 #2: 38 of 60 such logs were never named after a kill during the upgrade's reading).
    @Test func runsFromStudioAreKeptWithTheLogsCommit() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let name = "logs/2024-06-10_Execution.log"
        let common = #""level":"Information","logType":"Default","processName":"住民票郵送請求","jobId":"s1""#
        try city.write(name, """
            09:00:00.0000 Info {"message":"住民票郵送請求 execution started",\(common),"timeStamp":"2024-06-10T09:00:00+09:00","initiatedBy":"Studio"}
            09:00:20.0000 Info {"message":"住民票郵送請求 execution ended",\(common),"timeStamp":"2024-06-10T09:00:20+09:00","totalExecutionTimeInSeconds":20}

            """)
        let (night, noted) = try Self.nightNotingLosses(city)
        #expect(night.runsFromStudio.map(\.path) == [name])
        #expect(noted == ["studio \(name)"])
    }
}
