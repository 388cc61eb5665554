import Foundation
@testable import Kouka
import Testing

/// The nightly job records a batch of files in one commit, while it reads the next batch: a city's history
/// of small daily logs is not paid for with a commit a file. Counted, not timed.
@Suite struct BatchedRecordingTests {
    typealias City = PerFileStoreWorkTests

    @Test func aHundredFilesAreRecordedInACommitABatch() throws {
        let city = try City.city(days: 50)
        defer { city.remove() }
        let commits = Locked<[Int: Int]>([:])
        let summary = try City.nightly(city, today: City.firstDay.adding(days: 50)) { index, store in
            commits.update { $0[index] = store.commits }
        }
        #expect(summary.filesRead == 100)
        let batch = NightlyJob.batchFiles
        let made = try #require(commits.value[100]) - #require(commits.value[0])
        #expect(made == (100 + batch - 1) / batch, "\(made) commits for 100 files in batches of \(batch)")
        // Every file whole: two robots' two runs a day, one of each robot's failed.
        let store = try KoukaStore(path: Configuration.load(path: city.configPath).databasePath)
        let rollups = try store.rollups(from: City.firstDay, to: City.firstDay.adding(days: 49))
        #expect(rollups.reduce(0) { $0 + $1.totals.events } == 200)
        #expect(rollups.filter { $0.key.outcome == .failure }.reduce(0) { $0 + $1.totals.events } == 100)
        #expect(try store.sources().count == 100)
    }
}
