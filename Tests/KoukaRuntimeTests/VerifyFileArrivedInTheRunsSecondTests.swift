import Foundation
@testable import Kouka
import Testing

/// An export written just after a nightly run listed its files, within the second the run started: the run kept its
/// start in whole seconds, so verify could not tell it from a file the run read, read it again, and named the store's
/// figures as wrong (helper-73, `verify_same_second.sh`; in 0.4.9 too). The run keeps its start to the sub-second now.
@Suite struct VerifyFileArrivedInTheRunsSecondTests {
    @Test func aFileChangedAfterTheRunStartedInItsSecondIsLeftOut() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 10:00:00")]),
                       encoding: .shiftJIS)
        let started = Date()
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: LocalDate(year: 2024, month: 6, day: 1), now: started)).run()
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        let run = try #require(try store.jobRuns().last)
        #expect(try store.startedInstant(ofRun: run.id) == started.timeIntervalSince1970, "the start kept to the sub-second")
        try city.write("logs/b.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/05/02 10:00:00")]),
                       encoding: .shiftJIS)
        // As if the run had started a moment before b was written, in the same second.
        let written = try #require(FileStatus(path: city.root.appendingPathComponent("logs/b.csv").path)).changedAt
        let instant = written - min(0.0005, (written - written.rounded(.down)) / 2)
        try store.db.execute("UPDATE job_runs SET started_instant = \(instant), started_at = '\(UTCTimestamp.string(from: Date(timeIntervalSince1970: instant)))' WHERE id = \(run.id)")
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
