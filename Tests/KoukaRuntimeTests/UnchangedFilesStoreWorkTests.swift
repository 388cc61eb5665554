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
}
