import Foundation
@testable import Kouka
import Testing

/// A night with nothing new reads the ledger in one query, not a line a file: a city's history is tens of
/// thousands of unchanged daily logs, and a new day's run must cost little more than looking at them.
@Suite struct UnchangedFilesStoreWorkTests {
    typealias City = PerFileStoreWorkTests

    @Test func unchangedFilesAreDecidedWithoutALookupEach() throws {
        let city = try City.city(days: 20)
        defer { city.remove() }
        let today = City.firstDay.adding(days: 20)
        _ = try City.nightly(city, today: today) { _, _ in }
        // The next night nothing changed: the 40 files are decided from the ledger read as the run started.
        let noted = Locked<[String: SQLiteWork]>([:])
        let quiet = try City.nightly(city, today: today) { index, store in
            if index == 0 { store.noteStatements() }
            if index == 40 { noted.update { $0 = store.statementsNoted } }
        }
        #expect(quiet.filesUnchanged == 40)
        let lookups = noted.value.filter { $0.key.contains("FROM source_files WHERE path = ?") }
        #expect(lookups.values.allSatisfy { $0.vmSteps == 0 }, "unchanged files were looked up one by one: \(lookups)")
        // A new day's log is read, and only it.
        try city.write("logs/\(today)_a_Execution.log", City.log(robot: "a", day: today))
        let next = try City.nightly(city, today: today.adding(days: 1)) { _, _ in }
        #expect(next.filesUnchanged == 40)
        #expect(next.filesRead == 1)
    }

    /// The whole ledger is read once a run: the same lines decide the unchanged files, name the lines that lack a
    /// rollup digest and, when the run ends, the files gone. Before, the table was read three times.
    @Test func aQuietNightReadsTheLedgerOnce() throws {
        let city = try City.city(days: 50)
        defer { city.remove() }
        let today = City.firstDay.adding(days: 50)
        _ = try City.nightly(city, today: today) { _, _ in }
        // The store the run used, kept past its end: its work counts every statement it ran, the last included.
        let kept = Locked<KoukaStore?>(nil)
        let quiet = try City.nightly(city, today: today) { _, store in kept.update { $0 = store } }
        #expect(quiet.filesUnchanged == 100)
        let work = try #require(kept.value).sqliteWork
        // One step a line, and a few more for the migrations and job-run tables.
        #expect(work.fullScanSteps >= 100 && work.fullScanSteps < 2 * 100, "the ledger's 100 lines took \(work.fullScanSteps) steps of full scans")
    }

    /// A file gone is found from the ledger read as the run started; one this run moved to its new path (renamed,
    /// its inode the same) is not gone.
    @Test func goneAndRenamedFilesAreToldFromTheLedgerReadAtTheStart() throws {
        let city = try City.city(days: 3)
        defer { city.remove() }
        let today = City.firstDay.adding(days: 3)
        _ = try City.nightly(city, today: today) { _, _ in }
        let first = City.firstDay, second = City.firstDay.adding(days: 1)
        let logs = city.root.appendingPathComponent("logs")
        try FileManager.default.removeItem(at: logs.appendingPathComponent("\(first)_a_Execution.log"))
        try FileManager.default.moveItem(at: logs.appendingPathComponent("\(second)_a_Execution.log"),
                                         to: logs.appendingPathComponent("\(second)_a2_Execution.log"))
        let next = try City.nightly(city, today: today) { _, _ in }
        #expect(next.filesGone == ["logs/\(first)_a_Execution.log"])
        #expect(next.filesRenamed.map(\.from) == ["logs/\(second)_a_Execution.log"])
        let again = try City.nightly(city, today: today) { _, _ in }
        #expect(again.filesGone.isEmpty)
        #expect(again.filesUnchanged == 5)
    }
}
