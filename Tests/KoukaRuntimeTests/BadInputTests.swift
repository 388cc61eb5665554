import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Kouka
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
        // Line 3: bytes that are no Shift_JIS (a lead byte 0x81 before 0xFF) at the start of the scenario name,
        // the row otherwise whole.
        let t2 = Self.row("t2", "2024/05/02 10:00:00").components(separatedBy: "sc-1,")
        data += Data((t2[0] + "sc-1,").data(using: .shiftJIS)!) + Data([0x81, 0xFF, 0x82]) + Self.sjis([t2[1]])
        data += Data("t3,x,sc,転入\u{0}届入力,FINISH,確認済,,,なし,あり,停止,しない,,,2024/05/03 10:00:00,2024/05/03 10:00:00,,,600,,,,,,,,,,,,\r\n".data(using: .shiftJIS)!)
        data += Data([0xEF, 0xBB, 0xBF]) + Self.sjis([Self.row("t4", "2024/05/04 10:00:00")])
        data += Self.sjis([Self.row("t5", "2024/05/05 10:00:00")], separator: "\n")
        try write(city, "logs/a.csv", data)
        let summary = try run(city)
        #expect(summary.rowsRead == 5)
        // Invalid Shift_JIS (line 3) and a NUL in the scenario name (line 4) are rejected: a NUL is no text
        // a robot writes, but the sign of a damaged file. A stray BOM in a column the job does not read
        // (line 5) harms nothing, and the last row's LF end reads like the others' CRLF.
        try expectQuarantined(city, summary, [
            .init("logs/a.csv", 3, "column シナリオ名 is not valid shift_jis text"),
            .init("logs/a.csv", 4, "column シナリオ名 is not valid shift_jis text"),
        ], accepted: 3)
    }

    @Test func anUnterminatedQuoteDoesNotSwallowTheRestOfTheFile() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let broken = Self.row("t2", "2024/05/02 10:00:00").replacingOccurrences(of: "t2,", with: "t2,\"")
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), broken,
                                                  Self.row("t3", "2024/05/03 10:00:00"), Self.row("t4", "2024/05/04 10:00:00")]))
        let summary = try run(city)
        // The open quote costs its own line only: the lines it ran on over are read again as rows.
        try expectQuarantined(city, summary, [.init("logs/a.csv", 3, "a quote in this row is not closed")], accepted: 3)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 3, "t1, t3 and t4")
    }

    @Test func emptyFilesDirectoriesFIFOsAndUnreadableFilesAreNamedNotCounted() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try write(city, "logs/empty.csv", Data())
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs/dir.csv"), withIntermediateDirectories: true)
        #expect(mkfifo(city.root.appendingPathComponent("logs/fifo.csv").path, 0o600) == 0)
        try write(city, "logs/good.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")]))
        let summary = try run(city)
        #expect(summary.filesRejected == [.init(path: "logs/empty.csv", reason: "the file is empty: no header row")])
        #expect(summary.filesUnreadable.sorted { $0.path < $1.path } == [
            .init(path: "logs/dir.csv", reason: "a folder stands where a log file was expected"),
            .init(path: "logs/fifo.csv", reason: "a FIFO (named pipe) stands where a log file was expected; it is not read, so that the job cannot hang on it"),
        ])
        #expect(summary.rowsAccepted == 1)
        #expect(summary.rowsRejected == 0, "files, not rows, are what is wrong")
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
        try expectQuarantined(city, summary, [
            .init("logs/a.csv", 2, "column 実行時間（秒） is not a non-negative number: -5"),
            .init("logs/a.csv", 3, "column 実行時間（秒） is more than any one run can hold"),
            .init("logs/a.csv", 4, "the run's time is before 2000"),
            .init("logs/a.csv", 5, "the run's time is in the future"),
        ], accepted: 1)
    }

    @Test func aTenMegabyteLineIsOneRejectedRow() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let long = "t2," + String(repeating: "あ", count: 5_000_000) + ",x"
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00"), long, Self.row("t3", "2024/05/03 10:00:00")]))
        let summary = try run(city)
        // Under the 16 MiB limit the row is read whole, and is wrong as a row: three fields, no state.
        try expectQuarantined(city, summary, [.init("logs/a.csv", 3, "column 状態 is empty")], accepted: 2)
    }

    @Test func aCatalogWithADuplicateTaskVersionOrAMissingColumnStopsTheRun() throws {
        let duplicate = TemporaryCity.catalog + "T01,重複,税務課,rpa,runs,10,1,0,2020-04-01,x\n"
        let city = try TemporaryCity(catalog: duplicate)
        defer { city.remove() }
        try write(city, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")]))
        let error = try #require(throws: CatalogError.self) { try run(city) }
        #expect(error.problems.map(\.line) == [5])
        #expect(error.problems.first?.message.contains("task_id T01 already has a rpa row valid from 2020-04-01 (line 2)") == true)
        #expect(KoukaExitCode.code(for: error) == .dataError)
        #expect(!FileManager.default.fileExists(atPath: city.root.appendingPathComponent("kouka.sqlite").path), "nothing was read")

        let missing = try TemporaryCity(catalog: "task_id,name,department,system,unit,valid_from,match\nT01,取込,税務課,rpa,runs,2020-04-01,a\n")
        defer { missing.remove() }
        try write(missing, "logs/a.csv", Self.sjis([Self.header, Self.row("t1", "2024/05/01 10:00:00")]))
        let noColumn = try #require(throws: CatalogError.self) { try run(missing) }
        #expect(noColumn.problems.map(\.line) == [1], "the header names the columns")
        #expect(noColumn.problems.first?.message.contains("missing column(s) manual_minutes_per_unit, residual_minutes_per_unit") == true)
        #expect(!FileManager.default.fileExists(atPath: missing.root.appendingPathComponent("kouka.sqlite").path), "nothing was read")
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
        #expect(summary.filesDuplicate.first?.reason == "the same bytes as logs/a.csv, which is counted")
        // The copy has a ledger line of its own, so that reports list it, and counts nothing.
        let copy = try #require(try store.source(path: "logs/b-copy.csv"))
        #expect(copy.status == .duplicate)
        #expect(copy.rejectReason == "the same bytes as logs/a.csv, which is counted")
        #expect(copy.rowsAccepted == 0)
        #expect(try store.source(path: "logs/a.csv")?.status == .present)
        #expect(summary.rowsRead == 2, "the copy is not read")
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
        try expectQuarantined(city, summary, [
            .init("logs/a.csv", 4, "タスクID repeats an earlier row: line 2, the same run, counted once"),
            .init("logs/b.json", 2, "flowsessionid repeats an earlier row: line 1, the same run, counted once"),
        ], accepted: 3)
        // Left out to count once, not because they are wrong: flagged, and counted apart in the ledger.
        #expect(summary.rowsRepeated == 2)
        #expect(summary.rejections.allSatisfy { $0.isRepeatedRun })
        let store = try city.store()
        #expect(try store.rejections().allSatisfy { $0.isRepeatedRun }, "the quarantine tells them apart too")
        #expect(try store.source(path: "logs/a.csv")?.rowsRepeated == 1)
        #expect(try store.source(path: "logs/b.json")?.rowsRepeated == 1)
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
        try expectQuarantined(city, second, [
            .init("logs/b.csv", 2, "タスクID is already counted in another file: logs/a.csv, the same run, counted once"),
            .init("logs/b.csv", 4, "タスクID repeats an earlier row: line 3, the same run, counted once"),
        ], accepted: 1)
        #expect(second.rowsRepeated == 2)
        #expect(second.rejections.allSatisfy { $0.isRepeatedRun })
        #expect(try city.store().rejections().allSatisfy { $0.isRepeatedRun })
        #expect(try city.store().source(path: "logs/b.csv")?.rowsRepeated == 2)
        #expect(try city.store().source(path: "logs/a.csv")?.rowsRepeated == 0)
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
