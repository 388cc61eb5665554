import Foundation
@testable import Kouka
import Testing

/// A night's few new files lie far apart among a city's thousands of unchanged ones: their readings are begun as
/// they are found (`ReadAhead.begin`), and still read once and recorded together, in one commit. Counted, not timed.
@Suite struct SparseReadsTests {
    typealias City = PerFileStoreWorkTests

    /// A reading begun ahead of its batch is not read again by the batch, and the batch is handed back only once it is done.
    @Test func aReadingBegunAheadIsReadOnceAndWaitedFor() throws {
        let city = try TemporaryCity(catalog: City.catalog, sources: City.source)
        defer { city.remove() }
        // Many runs, so that the reading is still going on when its batch is started.
        let log = (0..<10_000).map { City.log(robot: "r\($0)", day: City.firstDay) }.joined()
        try city.write("logs/\(City.firstDay)_a_Execution.log", log)
        let configuration = try Configuration.load(path: city.configPath)
        let ingestor = SourceIngestor(configuration: configuration, catalog: try TaskCatalogLoader.load(path: configuration.catalogPath),
                                      logger: .silent, today: City.firstDay.adding(days: 5), now: Date())
        let store = try KoukaStore(path: configuration.databasePath)
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let files = try SourceMatches.expand(configuration).files
        ingestor.expect(files, displays: files.map { DisplayPath.of($0.path, base: base) })
        var summary = NightlySummary(configuration: configuration.path, database: configuration.databasePath)
        let read = try #require(try ingestor.prepare(path: files[0].path, display: DisplayPath.of(files[0].path, base: base), spec: files[0].spec,
                                                     store: store, forced: false, dryRun: false, summary: &summary))
        let readAhead = ReadAhead()
        readAhead.begin(read)
        #expect(readAhead.start([read]) == nil)
        let handed = try #require(readAhead.finish())
        #expect(handed.count == 1)
        #expect(read.failure == nil)
        #expect(read.parsed.recordsRead == 50_000, "every line read once")
        #expect(read.orderedRollups.reduce(0) { $0 + $1.totals.events } == 20_000, "10,000 robots' two runs, each counted once")
    }

    /// New logs of three days far apart among 400 unchanged ones: read, and recorded in one commit, with the figures a first
    /// reading of every file gives.
    @Test func newFilesFarApartAreRecordedInOneCommitWithTheFiguresOfAFirstReading() throws {
        let city = try City.city(days: 200)
        defer { city.remove() }
        let today = City.firstDay.adding(days: 200)
        _ = try City.nightly(city, today: today) { _, _ in }
        let days = [10, 100, 190].map { City.firstDay.adding(days: $0) }
        for day in days { try city.write("logs/\(day)_c_Execution.log", City.log(robot: "c", day: day)) }
        let commits = Locked<[Int: Int]>([:])
        let summary = try City.nightly(city, today: today) { index, store in commits.update { $0[index] = store.commits } }
        #expect(summary.filesRead == 3)
        #expect(summary.filesUnchanged == 400)
        let files = 403
        let made = try #require(commits.value[files]) - #require(commits.value[0])
        #expect(made == 1, "\(made) commits for three new files")

        let fresh = try TemporaryCity(catalog: City.catalog, sources: City.source)
        defer { fresh.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: city.root.appendingPathComponent("logs").path) {
            try fresh.write("logs/\(name)", String(contentsOf: city.root.appendingPathComponent("logs/\(name)"), encoding: .utf8))
        }
        _ = try City.nightly(fresh, today: today) { _, _ in }
        func rollups(_ city: TemporaryCity) throws -> [String] {
            let store = try KoukaStore(path: Configuration.load(path: city.configPath).databasePath)
            return try store.rollups(from: City.firstDay, to: today).map { "\($0.key) \($0.totals.events) \($0.totals.machineSeconds)" }.sorted()
        }
        #expect(try rollups(city) == rollups(fresh))
        #expect(try rollups(city).count > 0)
    }
}
