import Foundation
@testable import Kouka
import Logging
import Testing

/// A run that died after recording a file left notices no summary told: the next run states them from the
/// store, and they count as its own findings do (exit 1, or 65 with `--strict` for rejected rows).
struct UnreportedNoticesTests {
    let today = LocalDate(year: 2026, month: 11, day: 27)

    func run(_ city: TemporaryCity, strict: Bool = false) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(strict: strict, today: today)).run()
    }

    /// A city whose one file has a broken row (line 3) and a name the catalog does not map, recorded by a
    /// run that then died: its ledger line is left running, as `kill -9` after its last write leaves it.
    func cityAfterAKilledRun() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2022/06/01 10:00:00"),
            TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2022/06/31 10:00:00"),
            TemporaryCity.winActorRow("t3", "テスト用シナリオ", "FINISH", "2022/06/02 10:00:00"),
        ]), encoding: .shiftJIS)
        let first = try run(city)
        #expect(first.rowsRejected == 1 && first.unmapped.count == 1)
        try city.store().db.execute("UPDATE job_runs SET state = 'running', ended_at = NULL, exit_code = NULL, notices_reported = 0")
        return city
    }

    @Test func theNextRunStatesWhatTheKilledRunRecordedThenNobodyDoesAgain() throws {
        let city = try cityAfterAKilledRun()
        defer { city.remove() }
        let next = try run(city)
        #expect(next.filesUnchanged == 1 && next.rowsRejected == 0 && next.unmapped.isEmpty)
        #expect(next.unreported.runs.map(\.state) == ["killed"])
        #expect(next.unreported.rowsRejected == 1)
        #expect(next.unreported.rejections == [Rejection(file: "logs/tasks.csv", line: 3, reason: "column 開始日時 is not a date-time: 2022/06/31 10:00:00")])
        #expect(next.unreported.unmapped == [.init(system: "rpa", name: "テスト用シナリオ", runs: 1)])
        #expect(next.exitCode == .doneWithFindings)
        let after = try run(city)
        #expect(after.unreported == UnreportedNotices())
        #expect(after.exitCode == .done)
        #expect(try city.store().jobRuns().map(\.state) == [.killed, .finished, .finished])
    }

    @Test func strictMakesARejectedRowNoRunStatedFailTheRun() throws {
        let city = try cityAfterAKilledRun()
        defer { city.remove() }
        #expect(try run(city, strict: true).exitCode == .dataError)
    }
}
