import Foundation
@testable import Kouka
import Testing

/// A large export is read in two halves at once and its run ids are checked for repeats in bounded memory;
/// neither may change a single figure. These tests make "large" a few bytes so that every path runs.
struct SplitReadingTests {
    typealias W = WinActorTaskCSVParserTests

    /// Events by line, name, start, outcome and machine seconds, and rejections by line and reason.
    struct Outcome: Equatable {
        var events: [String]
        var rejections: [String]
        var summary: ParseSummary
    }

    static func read(_ lines: [String], variant: FileVariant, split: Bool, chunkLimit: Int = RunKeyLog.chunkLimit) throws -> Outcome {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", variant.encode(lines))
        var parser = WinActorTaskCSVParser()
        parser.splitBytes = split ? 1 : .max
        parser.runChunkLimit = chunkLimit
        let sink = CollectingSink()
        let summary = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        return Outcome(
            events: sink.events.map { "\($0.source.line) \($0.taskName) \($0.epoch) \($0.outcome) \($0.machineSeconds ?? -1)" },
            rejections: sink.rejections.map { "\($0.line) \($0.reason)" }, summary: summary)
    }

    /// Rows with quoted commas, quotes and line breaks, bad states and blank lines, over many lines.
    static func mixedExport(rows: Int) -> [String] {
        var lines = [W.header]
        for id in 1...rows {
            switch id % 7 {
            case 0: lines.append(W.task(id, "FINISH", seconds: "\(id)", extra: ["エラー": "一行目, \"引用\"\n二行目\n三行目"]))
            case 3: lines.append(W.task(id, "BROKEN"))
            case 5: lines.append("")
            default: lines.append(W.task(id, id % 2 == 0 ? "ERROR" : "FINISH", scenario: "業務\(id % 4)", start: "2024/05/\(10 + id % 9) 09:00:00", seconds: "30"))
            }
        }
        return lines
    }

    @Test(arguments: [FileVariant.shiftJISCRLF, .utf8LF, .utf8BOMCRLF])
    func halvesReadAtOnceGiveWhatOneReadingGives(variant: FileVariant) throws {
        let lines = Self.mixedExport(rows: 300)
        let whole = try Self.read(lines, variant: variant, split: false)
        let halves = try Self.read(lines, variant: variant, split: true)
        #expect(halves == whole)
        #expect(whole.events.count > 200)
        #expect(whole.rejections.count == 43, "every row with state BROKEN")
        #expect(whole.events.contains { $0.hasPrefix("\(lines.count + 2 * 42) 業務0") }, "line numbers count the line breaks inside quotes")
    }

    @Test func aStrayQuoteInAnUnquotedFieldChangesNoFigure() throws {
        var lines = Self.mixedExport(rows: 200)
        // A quote inside an unquoted field: libcsv keeps it as text, though it makes the file's quote count odd.
        lines[2] = W.task(2, "FINISH", scenario: "名前に\"がある")
        let whole = try Self.read(lines, variant: .utf8LF, split: false)
        let halves = try Self.read(lines, variant: .utf8LF, split: true)
        #expect(halves == whole)
        #expect(whole.events.contains { $0.contains("名前に\"がある") })
    }

    @Test(arguments: [RunKeyLog.chunkLimit, 3])
    func aRunRepeatedInTheOtherHalfIsCountedOnceAtItsFirstRow(chunkLimit: Int) throws {
        var lines = [W.header]
        for id in 1...120 { lines.append(W.task(id, "FINISH", seconds: "60")) }
        for id in [7, 100, 7] { lines.append(W.task(id, "FINISH", seconds: "60")) }
        let halves = try Self.read(lines, variant: .shiftJISCRLF, split: true, chunkLimit: chunkLimit)
        let whole = try Self.read(lines, variant: .shiftJISCRLF, split: false, chunkLimit: chunkLimit)
        #expect(halves == whole)
        #expect(halves.events.count == 120)
        #expect(halves.rejections == [
            "122 タスクID repeats an earlier row: line 8, the same run, counted once",
            "123 タスクID repeats an earlier row: line 101, the same run, counted once",
            "124 タスクID repeats an earlier row: line 8, the same run, counted once",
        ])
    }

    @Test func theGuessedCutFallsOnALineEndOutsideQuotes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = "a,b\n" + String(repeating: "1,\"x\ny\"\n", count: 50)
        let path = try dir.write("t.csv", Data(text.utf8))
        let cut = try #require(CSVSplit.boundary(path: path, start: 4, end: Int64(text.utf8.count), fields: 2, encoding: .utf8))
        let before = Array(text.utf8.prefix(Int(cut)))
        #expect(before.last == 0x0A)
        #expect(before.filter { $0 == 0x22 }.count % 2 == 0, "the line end inside each quoted field is passed over")
        #expect(cut >= 4 + (Int64(text.utf8.count) - 4) / 2)
    }

    /// A quoted field whose lines have a row's width, across the middle: a guessed cut lands inside it. Their
    /// first field ("ID-1001") is not shaped as a task id: lines that read as whole rows are swallowed rows
    /// (`CSVRecordDefect.rowsInsideQuote`), not a field.
    static let rowLikeFieldAcrossTheMiddle: [String] = {
        var lines = [W.header]
        for id in 1...40 { lines.append(W.task(id, "FINISH", seconds: "60")) }
        let rowLike = (1...60).map { "ID-" + W.task(1000 + $0, "FINISH").replacingOccurrences(of: "\"", with: "") }.joined(separator: "\n")
        lines.append(W.task(41, "ERROR", seconds: "60", extra: ["エラー": rowLike]))
        for id in 42...60 { lines.append(W.task(id, "FINISH", seconds: "60")) }
        return lines
    }()

    /// A quote opened in the last column of line 21 and closed by line 46's: the 24 rows between are read as
    /// rows whichever way the file is read, and only line 21 is rejected.
    @Test(arguments: [FileVariant.shiftJISCRLF, .utf8LF])
    func rowsSwallowedByAStrayQuoteAreReadInBothReadings(variant: FileVariant) throws {
        var lines = [W.header] + (1...60).map { W.task($0, "FINISH", seconds: "60") }
        lines[20] += "\"s"
        lines[45] += "\"t\""
        let whole = try Self.read(lines, variant: variant, split: false)
        let halves = try Self.read(lines, variant: variant, split: true)
        #expect(halves == whole)
        #expect(whole.events.count == 59)
        #expect(whole.rejections.map { $0.prefix(3) } == ["21 "])
        #expect(whole.rejections.first?.contains("line 22 inside it reads as a row of its own") == true)
    }

    @Test func aCutInsideAQuotedFieldIsNoticedAndTheFileIsReadInOnePiece() throws {
        let lines = Self.rowLikeFieldAcrossTheMiddle
        let whole = try Self.read(lines, variant: .utf8LF, split: false)
        let halves = try Self.read(lines, variant: .utf8LF, split: true)
        #expect(halves == whole)
        #expect(whole.events.count == 60)
        #expect(whole.rejections.isEmpty)
    }
}

/// `RunKeySet`: run-id hashes merged from several logs, some spilled to disk, streamed in order.
struct RunKeySetTests {
    /// Logs that spilled, and logs held in memory (one, two or three of them), merge alike.
    @Test(arguments: [[97, 1_000_000], [1_000_000, 1_000_000], [1_000_000], [1_000_000, 1_000_000, 1_000_000]])
    func spilledAndHeldHashesMergeInOrderWithTheirCounts(chunkLimits: [Int]) {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<5_000).map { _ in UInt64.random(in: 0..<2_000, using: &generator) } + [0, .max, .max]
        let logs = chunkLimits.map { RunKeyLog(chunkLimit: $0) }
        for (index, value) in values.enumerated() { logs[index % logs.count].add(value) }
        let set = RunKeySet(logs: logs)
        #expect(logs[0].spill != nil || chunkLimits[0] > values.count, "the first log spilled when its limit is small")
        var expected: [UInt64: Int] = [:]
        for value in values { expected[value, default: 0] += 1 }
        var seen: [(UInt64, Int)] = []
        set.forEachDistinct { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == expected.keys.sorted())
        #expect(seen.allSatisfy { expected[$0.0] == $0.1 })
        #expect(set.count == values.count)
        #expect(set.repeatedHashes() == Set(expected.filter { $0.value > 1 }.keys))
    }
}

/// A large export's parser hands the file's bytes to the ledger's digest as it reads them, in order and
/// once, whichever way it ends up reading the file.
struct DigestWhileReadingTests {
    typealias W = WinActorTaskCSVParserTests

    final class Bytes: ByteDigest, @unchecked Sendable {
        var taken: [UInt8] = []
        func update(_ bytes: UnsafeRawBufferPointer) { taken += bytes }
        func update(fileAt path: String, range: Range<Int64>) -> Bool {
            guard let data = FileManager.default.contents(atPath: path), range.upperBound <= data.count else { return false }
            taken += data[Int(range.lowerBound)..<Int(range.upperBound)]
            return true
        }
    }

    @Test(arguments: [
        ("two parts", SplitReadingTests.mixedExport(rows: 300)),
        ("a repeated run read again", [W.header] + (1...200).map { W.task($0 % 150, "FINISH", seconds: "60") }),
        ("a cut inside a quoted field", SplitReadingTests.rowLikeFieldAcrossTheMiddle),
    ])
    func theDigestTakesEveryByteOnce(_ label: String, lines: [String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", FileVariant.utf8BOMCRLF.encode(lines))
        var parser = WinActorTaskCSVParser()
        parser.splitBytes = 1
        var context = tokyoContext(path)
        let digest = Bytes()
        context.digest = digest
        _ = try parser.parse(path: path, context: context, into: CollectingSink())
        #expect(digest.taken == Array(try #require(FileManager.default.contents(atPath: path))), "\(label)")
        #expect(parser.digestsWhileReading(path: path))
    }
}
