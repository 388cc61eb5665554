import Foundation
@testable import Kouka
import Testing

/// The sources' files are found on a second thread while the nightly job reads the ledger (`SourceExpansion`): they
/// must be the files found in place, in the same order and with the same names, and a configuration that cannot be
/// run must still stop the job before it writes anything, with the same error as before.
@Suite struct SourceExpansionTests {
    static let overlapping = """
        [[source]]
        format = "winactor-task-csv"
        path = "logs/*.csv"
        encoding = "shift_jis"
        [[source]]
        format = "winactor-task-csv"
        path = "logs/b*.csv"
        encoding = "utf-8"
        [[source]]
        format = "winactor-task-csv"
        path = "archive/*.csv"
        required = false
        """

    /// A city with three exports, one of them matched by two sources, and a source whose folder is missing.
    static func city() throws -> TemporaryCity {
        let city = try TemporaryCity(sources: overlapping)
        for (day, name) in ["logs/c.csv", "logs/a.csv", "logs/b1.csv"].enumerated() {
            try city.write(name, TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t\(day)", "転入届入力", "FINISH", "2024/05/0\(day + 1) 10:00:00")]),
                           encoding: .shiftJIS)
        }
        return city
    }

    /// `city()` read once by the nightly job, with its configuration and store.
    static func cityRead() throws -> (TemporaryCity, Configuration, KoukaStore) {
        let city = try city()
        let configuration = try Configuration.load(path: city.configPath)
        _ = try NightlyJob(configuration: configuration, logger: .silent).run()
        return (city, configuration, try KoukaStore(path: configuration.databasePath))
    }

    @Test(arguments: [false, true])
    func theFilesFoundAheadAreThoseFoundInPlace(prefetching: Bool) throws {
        let city = try Self.city()
        defer { city.remove() }
        let configuration = try Configuration.load(path: city.configPath)
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let matches = try SourceMatches.expand(configuration)
        let folder = DisplayPath.Folder(base)
        let inPlace = SourceMatches.once(matches.files, displays: matches.files.map { folder.display($0.path) }, base: base)

        let expansion = SourceExpansion(configuration, prefetching: prefetching)
        let found = try expansion.files()
        #expect(found.files.map(\.path) == inPlace.files.map(\.path))
        #expect(found.files.map(\.spec.pattern) == inPlace.files.map(\.spec.pattern), "a file matched twice is the last source's")
        // A file matched twice is in its last source's place.
        #expect(found.displays == ["logs/a.csv", "logs/c.csv", "logs/b1.csv"])
        #expect(found.matchedTwice.map(\.path) == ["logs/b1.csv"])
        #expect(found.missing.map(\.path) == matches.missing.map(\.path))
        #expect(found.missing.count == 1)
        #expect((found.prefetch != nil) == prefetching)
        // The table of paths is handed over once, as the run changes it.
        let expected = expansion.takeExpected()
        if prefetching {
            let table = try #require(expected)
            #expect(table.mapValues(\.file) == SourceIngestor.expected(found.displays).mapValues(\.file))
            #expect(table["logs/b1.csv"]?.file == 2)
        } else {
            #expect(expected == nil)
        }
        #expect(expansion.takeExpected() == nil)
    }

    @Test func aRequiredSourceMatchingNothingStopsTheRunBeforeItWritesToTheStore() throws {
        let (city, read, store) = try Self.cityRead()
        defer { city.remove() }
        var configuration = read
        let runs = try store.jobRuns().count
        let ledger = try store.ledgerIdentities().count
        #expect(runs == 1 && ledger == 3)
        for index in configuration.sources.indices { configuration.sources[index].required = true }
        #expect(throws: ConfigurationError.self) {
            try NightlyJob(configuration: configuration, logger: .silent).run()
        }
        #expect(try store.jobRuns().count == runs, "no run begun: the job-run ledger is as the last run left it")
        #expect(try store.ledgerIdentities().count == ledger)
    }

    @Test func theSourcesErrorComesBeforeTheCatalogsAndNeitherCreatesAStore() throws {
        let city = try Self.city()
        defer { city.remove() }
        try city.delete("catalog.csv")
        var configuration = try Configuration.load(path: city.configPath)
        let database = city.root.appendingPathComponent("kouka.sqlite").path
        #expect(throws: CatalogError.self) { try NightlyJob(configuration: configuration, logger: .silent).run() }
        #expect(!FileManager.default.fileExists(atPath: database), "a catalog that cannot be read creates no store")

        for index in configuration.sources.indices { configuration.sources[index].required = true }
        #expect(throws: ConfigurationError.self) { try NightlyJob(configuration: configuration, logger: .silent).run() }
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// The ledger is read before the run's line is begun: a ledger that cannot be read still leaves a failed run in the
    /// job-run ledger, as when the line was begun first.
    @Test func aLedgerThatCannotBeReadLeavesAFailedRun() throws {
        let (city, configuration, store) = try Self.cityRead()
        defer { city.remove() }
        // A path that is not UTF-8, written behind Kouka's back.
        try store.db.execute("UPDATE source_files SET path = CAST(X'FF2E637376' AS TEXT) WHERE path = 'logs/a.csv'")
        #expect(throws: StoreError.self) { try NightlyJob(configuration: configuration, logger: .silent).run() }
        let runs = try store.jobRuns()
        #expect(runs.count == 2)
        #expect(runs.last?.state == .failed)
    }
}

