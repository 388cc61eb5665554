import Foundation
@testable import Kouka
import Testing

/// A robot's daily log is read once: its reading hands every byte to the ledger's hash, so the job does not
/// hash the file before parsing it. Whether a file is a copy is then decided when it is recorded, and must
/// come out as when every file was hashed first. Counted in bytes, not timed.
@Suite struct DailyLogReadOnceTests {
    typealias P = PerFileStoreWorkTests
    static let day = P.firstDay

    /// Decides, reads and records `names` (under logs/) with the job's own steps, one batch, as `today`.
    static func ingest(_ city: TemporaryCity, today: LocalDate) throws -> (reads: [FileRead], store: KoukaStore, summary: NightlySummary) {
        let configuration = try Configuration.load(path: city.configPath)
        let ingestor = SourceIngestor(configuration: configuration, catalog: try TaskCatalogLoader.load(path: configuration.catalogPath),
                                      logger: .silent, today: today, now: LocalClock.tokyo.instant(of: today, hour: 12, minute: 0, second: 0))
        let store = try KoukaStore(path: configuration.databasePath)
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let files = try SourceMatches.expand(configuration).files
        ingestor.expect(files, displays: files.map { DisplayPath.of($0.path, base: base) })
        var summary = NightlySummary(configuration: configuration.path, database: configuration.databasePath)
        var reads: [FileRead] = []
        for file in files {
            let read = try ingestor.prepare(path: file.path, display: DisplayPath.of(file.path, base: base), spec: file.spec, store: store,
                                            forced: false, dryRun: false, summary: &summary)
            // Decided, not yet read: no hash was taken before the reading.
            #expect(read?.record.sha256 == "")
            #expect(read?.wholeFile == nil)
            if let read { reads.append(read) }
        }
        for read in reads { read.read() }
        try ingestor.record(reads, store: store, summary: &summary)
        return (reads, store, summary)
    }

    @Test func aClosedDailyLogIsHashedFromItsOwnReading() throws {
        let city = try TemporaryCity(catalog: P.catalog, sources: P.source)
        defer { city.remove() }
        let text = P.log(robot: "a", day: Self.day) + P.log(robot: "b", day: Self.day)
        try city.write("logs/\(Self.day)_a_Execution.log", text)
        let (reads, store, summary) = try Self.ingest(city, today: Self.day.adding(days: 5))
        let digest = try #require(reads.first?.inlineDigest)
        #expect(digest.count == Int64(text.utf8.count), "the parser handed over every byte")
        #expect(digest.bytesReadItself == 0, "nothing was read again to be hashed")
        #expect(summary.filesRead == 1)
        let line = try #require(try store.source(path: "logs/\(Self.day)_a_Execution.log"))
        #expect(line.sha256 == SHA256.hexDigest(ofFile: city.root.appendingPathComponent("logs/\(Self.day)_a_Execution.log").path))
        #expect(line.byteOffset == Int64(text.utf8.count))
        #expect(line.rowsRead == 10)
    }

    /// A scheduled daily WinActor export (Shift_JIS, as the vendor writes it) is read once too: a city's history is
    /// thousands of small exports, each hashed first and then parsed before.
    @Test func aSmallWinActorExportIsHashedFromItsOwnReading() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let text = TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "転入届入力", "ERROR", "2024/05/01 10:00:00"),
        ])
        try city.write("logs/tasks_2024-05-01.csv", text, encoding: .shiftJIS)
        let (reads, store, summary) = try Self.ingest(city, today: LocalDate(year: 2024, month: 5, day: 10))
        let digest = try #require(reads.first?.inlineDigest)
        let path = city.root.appendingPathComponent("logs/tasks_2024-05-01.csv").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(digest.count == Int64(size), "the parser handed over every byte")
        // Only the header row is read again, by the digest (the reader finds where the data starts before it hashes).
        let header = try #require(TemporaryCity.winActorHeader.data(using: .shiftJIS)).count + 2
        #expect(digest.bytesReadItself == Int64(header), "only the header row was read again to be hashed")
        #expect(summary.filesRead == 1 && summary.rowsAccepted == 2)
        #expect(try store.source(path: "logs/tasks_2024-05-01.csv")?.sha256 == SHA256.hexDigest(ofFile: path))
    }

    @Test func todaysLogWithAHalfWrittenLineKeepsTheHashOfTheWholeFileAndTheStateWhereReadingStopped() throws {
        let city = try TemporaryCity(catalog: P.catalog, sources: P.source)
        defer { city.remove() }
        let complete = P.log(robot: "a", day: Self.day)
        let path = city.root.appendingPathComponent("logs/\(Self.day)_a_Execution.log").path
        try city.write("logs/\(Self.day)_a_Execution.log", complete + "10:05:00.0000 Info {\"message\":")
        let (_, store, _) = try Self.ingest(city, today: Self.day)
        let line = try #require(try store.source(path: "logs/\(Self.day)_a_Execution.log"))
        #expect(line.sha256 == SHA256.hexDigest(ofFile: path))
        #expect(line.byteOffset == Int64(complete.utf8.count), "the half-written line is left for the next run")
        var expected = SHA256()
        let hashed = expected.update(fileAt: path, from: 0, to: line.byteOffset)
        #expect(hashed)
        #expect(line.hashState == expected.savedState)
    }

    /// The previous helper's edge case: two identical logs, the copy's path first, both read whole again (both
    /// rewritten). The copy is decided when it is recorded, before its original has its turn, and it must stay
    /// the copy: the original's ledger line is judged by the original's bytes now, not passed over.
    @Test func identicalLogsReadAgainTogetherKeepWhichOneIsTheCopy() throws {
        let city = try TemporaryCity(catalog: P.catalog, sources: P.source)
        defer { city.remove() }
        let text = P.log(robot: "a", day: Self.day)
        let original = "logs/\(Self.day)_b_Execution.log", copy = "logs/\(Self.day)_a_Execution.log"
        let today = Self.day.adding(days: 5)
        try city.write(original, text)
        #expect(try P.nightly(city, today: today) { _, _ in }.filesRead == 1)
        try city.write(copy, text)
        let second = try P.nightly(city, today: today) { _, _ in }
        #expect(second.filesDuplicate.map(\.path) == [copy])
        try city.write(original, text)
        try city.write(copy, text)
        let third = try P.nightly(city, today: today) { _, _ in }
        #expect(third.filesDuplicate.map(\.path) == [copy], "the copy stays the copy")
        #expect(third.filesRead == 1)
        #expect(third.rowsRead == 5)
        let store = try KoukaStore(path: Configuration.load(path: city.configPath).databasePath)
        #expect(try store.source(path: original)?.status == .present)
        #expect(try store.source(path: copy)?.status == .duplicate)
    }

    @Test func twoIdenticalNewLogsCountOnceUnderTheNameReadFirst() throws {
        let city = try TemporaryCity(catalog: P.catalog, sources: P.source)
        defer { city.remove() }
        let text = P.log(robot: "a", day: Self.day)
        try city.write("logs/\(Self.day)_a_Execution.log", text)
        try city.write("logs/\(Self.day)_b_Execution.log", text)
        let (_, _, summary) = try Self.ingest(city, today: Self.day.adding(days: 5))
        #expect(summary.filesRead == 1)
        #expect(summary.filesDuplicate.map(\.path) == ["logs/\(Self.day)_b_Execution.log"])
        #expect(summary.rowsRead == 5)
    }
}
