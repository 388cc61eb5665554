import Foundation
@testable import Kouka
import Testing

/// A file the run looks at afresh before its turn — whether its ledger line stands while another file counts its
/// runs, whether it still holds the bytes of a copy — is decided at its turn by a fresh look again, never by what
/// the second thread (`StatusPrefetch`) saw of it earlier: a file found changed and then skipped as unchanged
/// would have its runs counted by the other file and by its own old contribution.
@Suite struct LookedAtEarlyTests {
    typealias P = PerFileStoreWorkTests
    static let day = P.firstDay
    static let name = "logs/\(P.firstDay)_b_Execution.log"

    /// The job's ingestor over `city`'s files, with the ledger as a run starts.
    static func ingestor(_ city: TemporaryCity) throws -> (SourceIngestor, KoukaStore, SourceSpec) {
        let configuration = try Configuration.load(path: city.configPath)
        let ingestor = SourceIngestor(configuration: configuration, catalog: try TaskCatalogLoader.load(path: configuration.catalogPath),
                                      logger: .silent, today: day.adding(days: 5), now: LocalClock.tokyo.instant(of: day.adding(days: 5), hour: 12, minute: 0, second: 0))
        let store = try KoukaStore(path: configuration.databasePath)
        let files = try SourceMatches.expand(configuration).files
        let folder = DisplayPath.Folder(DisplayPath.base(ofConfiguration: configuration.path))
        ingestor.expect(files, displays: files.map { folder.display($0.path) })
        _ = ingestor.take(ledger: try store.ledgerIdentities())
        return (ingestor, store, files[0].spec)
    }

    /// A city whose one log was read; then the status the second thread would have seen, and the log rewritten.
    static func cityWithRewrittenLog() throws -> (TemporaryCity, path: String, seen: FileStatus) {
        let city = try TemporaryCity(catalog: P.catalog, sources: P.source)
        try city.write(name, P.log(robot: "a", day: day) + P.log(robot: "b", day: day))
        #expect(try P.nightly(city, today: day.adding(days: 5)) { _, _ in }.filesRead == 1)
        let path = city.root.appendingPathComponent(name).path
        let seen = try #require(FileStatus(path: path))
        // Rewritten, not grown: it is to be read whole again.
        try city.write(name, P.log(robot: "c", day: day))
        return (city, path, seen)
    }

    @Test func aFileFoundToBeReadAgainIsReadAtItsTurnWhateverWasSeenBefore() throws {
        let (city, path, seen) = try Self.cityWithRewrittenLog()
        defer { city.remove() }
        let (ingestor, store, spec) = try Self.ingestor(city)
        #expect(try ingestor.stands(Self.name, store: store) == false, "to be read again: another file recorded now counts its runs")
        var summary = NightlySummary(configuration: city.configPath, database: "")
        let read = try ingestor.prepare(path: path, display: Self.name, spec: spec, store: store, forced: false, dryRun: false, seen: seen, summary: &summary)
        #expect(read != nil, "read at its turn")
        #expect(summary.filesUnchanged == 0)
    }

    /// The same when the look was whether the file still holds bytes a new file has (an archive's copy of it):
    /// it does not, so the copy counts, and the file must be read at its turn for its old bytes not to count twice.
    @Test func aFileFoundNotToHoldItsBytesIsReadAtItsTurnWhateverWasSeenBefore() throws {
        let (city, path, seen) = try Self.cityWithRewrittenLog()
        defer { city.remove() }
        let (ingestor, store, spec) = try Self.ingestor(city)
        let counted = try #require(try store.source(path: Self.name)).sha256
        #expect(try ingestor.counted(counted, at: "logs/archive/\(Self.day)_b_Execution.log", store: store) == nil, "the archive's copy counts")
        var summary = NightlySummary(configuration: city.configPath, database: "")
        let read = try ingestor.prepare(path: path, display: Self.name, spec: spec, store: store, forced: false, dryRun: false, seen: seen, summary: &summary)
        #expect(read != nil, "read at its turn")
    }

    /// The prefetch's own rule, for contrast: a file that changes after it was seen unchanged, and that nothing
    /// looked at since, is read by the next run, as one changing just after the job's own look would be.
    @Test func aFileNothingLookedAtSinceIsTakenAsSeen() throws {
        let (city, path, seen) = try Self.cityWithRewrittenLog()
        defer { city.remove() }
        let (ingestor, store, spec) = try Self.ingestor(city)
        var summary = NightlySummary(configuration: city.configPath, database: "")
        let read = try ingestor.prepare(path: path, display: Self.name, spec: spec, store: store, forced: false, dryRun: false, seen: seen, summary: &summary)
        #expect(read == nil)
        #expect(summary.filesUnchanged == 1)
    }

    /// A file found to be read again that cannot be read at its turn (rotated away meanwhile) is left unsettled,
    /// which a run that was not stopped names as a finding (`NightlySummary.filesUnsettled`, exit 1).
    @Test func aFileToBeReadAgainThatIsNotIsLeftUnsettled() throws {
        let (city, path, _) = try Self.cityWithRewrittenLog()
        defer { city.remove() }
        let (ingestor, store, spec) = try Self.ingestor(city)
        #expect(try ingestor.stands(Self.name, store: store) == false)
        try FileManager.default.removeItem(atPath: path)
        var summary = NightlySummary(configuration: city.configPath, database: "")
        let read = try ingestor.prepare(path: path, display: Self.name, spec: spec, store: store, forced: false, dryRun: false, summary: &summary)
        #expect(read == nil, "gone at its turn")
        #expect(ingestor.unsettled == [Self.name])
        #expect(summary.filesUnreadable.map(\.path) == [Self.name])
        summary.filesUnreadable = []
        summary.filesUnsettled = ingestor.unsettled.map { .init(path: $0, reason: "") }
        #expect(summary.hasFindings, "an unsettled file alone is a finding")
    }
}
