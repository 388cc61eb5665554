import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KoukaCore
import KoukaParsers
import KoukaReports
@testable import KoukaRuntime
import KoukaStore
import Testing

/// Bad input never crashes a run and never disappears silently: each case gets a message with file and
/// line, the rest is counted, and the exit code says there is something to look at.
@Suite struct BadInputTests {
    static let header = TemporaryCity.winActorHeader
    static func row(_ id: String, _ start: String, state: String = "FINISH", seconds: String = "600") -> String {
        TemporaryCity.winActorRow(id, "転入届入力", state, start).replacingOccurrences(of: ",600,", with: ",\(seconds),")
    }

    func run(_ city: TemporaryCity) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))).run()
    }

    func write(_ city: TemporaryCity, _ name: String, _ bytes: Data) throws {
        try bytes.write(to: city.root.appendingPathComponent(name))
    }

    static func sjis(_ lines: [String], separator: String = "\r\n") -> Data {
        (lines.joined(separator: separator) + separator).data(using: .shiftJIS)!
    }

    @Test func invalidShiftJISBytesANulAndAStrayBOMRejectOnlyTheirRows() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        var data = Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")])
        data += Data("t2,x,sc,".utf8) + Data([0x81, 0xFF, 0x82]) + Self.sjis([String(Self.row("t2", "2024/05/02 10:00:00").dropFirst(8))]).dropLast(0)
        data += Data("t3,x,sc,転入\u{0}届入力,FINISH,確認済,,,なし,あり,停止,しない,,,2024/05/03 10:00:00,2024/05/03 10:00:00,,,600,,,,,,,,,,,,\r\n".data(using: .shiftJIS)!)
        data += Data([0xEF, 0xBB, 0xBF]) + Self.sjis([Self.row("t4", "2024/05/04 10:00:00")])
        data += Self.sjis([Self.row("t5", "2024/05/05 10:00:00")], separator: "\n")
        try write(city, "logs/a.csv", data)
        let summary = try run(city)
        #expect(summary.rowsRead == 5)
        // Invalid Shift_JIS (line 3) and a NUL in the scenario name (line 4) are rejected; a stray BOM in
        // a column the job does not read (line 5) harms nothing.
        #expect(summary.rejections.map(\.line) == [3, 4], "\(summary.rejections)")
        #expect(summary.rowsAccepted == 3)
        #expect(summary.exitCode == .doneWithFindings)
    }

    @Test func anUnterminatedQuoteDoesNotSwallowTheRestOfTheFile() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let broken = Self.row("t2", "2024/05/02 10:00:00").replacingOccurrences(of: "t2,", with: "t2,\"")
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), broken,
                                                  Self.row("t3", "2024/05/03 10:00:00"), Self.row("t4", "2024/05/04 10:00:00")]))
        let summary = try run(city)
        #expect(summary.rowsAccepted >= 1)
        #expect(summary.rowsRejected >= 1)
        #expect(!summary.rejections.isEmpty)
    }

    @Test func emptyFilesDirectoriesFIFOsAndUnreadableFilesAreNamedNotCounted() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try write(city, "logs/empty.csv", Data())
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs/dir.csv"), withIntermediateDirectories: true)
        #expect(mkfifo(city.root.appendingPathComponent("logs/fifo.csv").path, 0o600) == 0)
        try write(city, "logs/good.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")]))
        let summary = try run(city)
        #expect(summary.filesRejected.map(\.path) == ["logs/empty.csv"])
        #expect(Set(summary.filesUnreadable.map(\.path)) == ["logs/dir.csv", "logs/fifo.csv"])
        #expect(summary.rowsAccepted == 1)
        #expect(summary.exitCode == .doneWithFindings)
    }

    @Test func absurdDurationsAndTimesAreRejected() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try write(city, "logs/a.csv", Self.sjis([
            Self.header,
            Self.row("t1", "2024/05/01 10:00:00", seconds: "-5"),
            Self.row("t2", "2024/05/01 10:00:00", seconds: "99999999999"),
            Self.row("t3", "1999/05/01 10:00:00"),
            Self.row("t4", "2031/05/01 10:00:00"),
            Self.row("t5", "2024/05/01 10:00:00"),
        ]))
        let summary = try run(city)
        #expect(summary.rejections.map(\.line) == [2, 3, 4, 5], "\(summary.rejections.map(\.reason))")
        #expect(summary.rowsAccepted == 1)
    }

    @Test func aTenMegabyteLineIsOneRejectedRow() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let long = "t2," + String(repeating: "あ", count: 5_000_000) + ",x"
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), long, Self.row("t3", "2024/05/03 10:00:00")]))
        let summary = try run(city)
        #expect(summary.rowsAccepted == 2)
        #expect(summary.rejections.map(\.line) == [3])
    }

    @Test func aCatalogWithADuplicateTaskVersionOrAMissingColumnStopsTheRun() throws {
        let duplicate = TemporaryCity.catalog + "T01,重複,税務課,rpa,runs,10,1,0,2020-04-01,x\n"
        let city = try TemporaryCity(catalog: duplicate)
        defer { city.remove() }
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")]))
        #expect(throws: CatalogError.self) { try run(city) }
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("kouka.sqlite").path), "nothing was read")
    }
}

extension BadInputTests {
    @Test func theSameExportUnderTwoNamesIsCountedOnce() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let export = Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), Self.row("t2", "2024/05/02 10:00:00")])
        try write(city, "logs/a.csv", export)
        try write(city, "logs/b-copy.csv", export)
        let summary = try run(city)
        #expect(summary.filesRead == 1)
        #expect(summary.filesDuplicate.map(\.path) == ["logs/b-copy.csv"])
        // Hashed by the parser from the blocks it read, in two parts: still the file's own SHA-256.
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.source(path: "logs/a.csv")?.sha256 == SHA256.hexDigest(ofFile: city.root.appendingPathComponent("logs/a.csv").path))
        #expect(summary.exitCode == .doneWithFindings)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 2, "not 4")
        #expect(report.exclusions.duplicateFiles == 1)
        #expect(report.sources.map(\.status).sorted() == ["duplicate", "present"])
        // A second night changes nothing.
        let again = try run(city)
        #expect(again.filesUnchanged == 2)
        #expect(again.exitCode == .done)
        // When the original is replaced by another export, the copy's runs count again, once.
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t9", "2024/06/01 10:00:00")]))
        let replaced = try run(city)
        #expect(replaced.filesRead == 2)
        let after = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(after.tasks.first?.successes == 3)
        #expect(after.exclusions.duplicateFiles == 0)
    }
}

extension BadInputTests {
    @Test func aRunExportedTwiceInOneFileIsCountedOnce() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource + "\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        defer { city.remove() }
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), Self.row("t2", "2024/05/02 10:00:00"),
                                                  Self.row("t1", "2024/05/01 10:00:00")]))
        try write(city, "logs/b.json", Data("""
            [{"flowsessionid": "f1", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "statuscode": 4},
             {"flowsessionid": "f1", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "statuscode": 4}]
            """.utf8))
        let summary = try run(city)
        #expect(summary.rejections.map(\.line).sorted() == [2, 4])
        #expect(summary.rejections.allSatisfy { $0.reason.contains("counted once") })
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.map(\.successes).sorted() == [1, 2], "T01 once from Power Automate, T02 twice from WinActor")
    }
}

extension BadInputTests {
    @Test func aRunInTwoOverlappingExportsIsCountedOnceFromTheFileReadFirst() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource)
        defer { city.remove() }
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), Self.row("t2", "2024/05/02 10:00:00"),
                                                  Self.row("t3", "2024/05/03 10:00:00")]))
        let first = try run(city)
        #expect(first.rejections.isEmpty)
        // The next export overlaps the last one by a run, and repeats a run of its own.
        try write(city, "logs/b.csv", Self.sjis([Self.header, Self.row("t3", "2024/05/03 10:00:00"), Self.row("t4", "2024/05/04 10:00:00"),
                                                  Self.row("t4", "2024/05/04 10:00:00")]))
        let second = try run(city)
        #expect(second.rejections.map(\.line) == [2, 4])
        #expect(second.rejections.first?.reason == "タスクID is already counted in another file: logs/a.csv, the same run, counted once")
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.map(\.successes).reduce(0, +) == 4)
        #expect(report.exclusions.repeatedRuns == 2)
        // Nothing changed: nothing is read, and the figures stay.
        let third = try run(city)
        #expect(third.filesUnchanged == 2)
        // The first export read again still keeps its runs: the second one never counted t3.
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), Self.row("t2", "2024/05/02 10:00:00"),
                                                  Self.row("t3", "2024/05/03 10:00:00"), Self.row("t5", "2024/05/05 10:00:00")]))
        let fourth = try run(city)
        #expect(fourth.filesRead == 1)
        #expect(fourth.rejections.isEmpty)
        let after = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(after.tasks.map(\.successes).reduce(0, +) == 5)
    }
}

extension BadInputTests {
    /// Files of 8 MiB and more are hashed while they are parsed, so whether one is a copy is decided only
    /// when it is recorded; that path must count a copy once too.
    @Test func aLargeExportUnderTwoNamesIsCountedOnce() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        var lines = [Self.header]
        for n in 0..<45_000 { lines.append(Self.row("t\(n)", "2024/05/\(String(format: "%02d", 1 + n % 28)) 10:00:00")) }
        let export = Self.sjis(lines)
        #expect(Int64(export.count) >= SourceIngestor.backgroundHashBytes)
        try write(city, "logs/a.csv", export)
        try write(city, "logs/b-copy.csv", export)
        let summary = try run(city)
        #expect(summary.filesRead == 1)
        #expect(summary.filesDuplicate.map(\.path) == ["logs/b-copy.csv"])
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 45_000)
        // The original replaced by a smaller export: the copy is read again and its runs count, once.
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("x1", "2024/06/01 10:00:00")]))
        let replaced = try run(city)
        #expect(replaced.filesRead == 2)
        #expect(replaced.filesDuplicate.isEmpty)
        let after = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(after.tasks.first?.successes == 45_001)
    }
}
