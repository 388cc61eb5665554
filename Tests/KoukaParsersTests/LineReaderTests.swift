import Foundation
import Kouka
import Testing

/// `LineReader`: lines of a text file in 256 KiB blocks — LF or CRLF, a BOM removed, a last line with no
/// newline marked as not terminated.
struct LineReaderTests {
    struct Line: Equatable, CustomStringConvertible {
        var number: Int
        var text: String
        var terminated: Bool
        var description: String { "\(number)\(terminated ? "" : " (open)"): \(text)" }
    }

    static func read(_ path: String, variant: FileVariant, startOffset: Int64 = 0, firstLine: Int = 1) throws -> (lines: [Line], offsets: [Int64], encoding: TextEncoding) {
        let reader = try LineReader(path: path, startOffset: startOffset, firstLine: firstLine)
        var lines: [Line] = [], offsets: [Int64] = []
        try reader.forEachLine { line in
            lines.append(Line(number: line.number, text: variant.decode(line.bytes) ?? "<invalid>", terminated: line.isTerminated))
            offsets.append(line.endOffset)
        }
        return (lines, offsets, reader.encoding)
    }

    static let sample = ["09:00:00.0000 Info 表示ソフト", "", "ソ能", "   ", "last 行"]

    @Test(arguments: FileVariant.allCases, [true, false])
    func readsEveryVariantTheSame(variant: FileVariant, finalNewline: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("sample.log", variant.encode(Self.sample, finalNewline: finalNewline))
        let result = try Self.read(path, variant: variant)
        #expect(result.encoding == variant.detectedEncoding)
        let expected = Self.sample.enumerated().map { Line(number: $0.offset + 1, text: $0.element, terminated: true) }
        var last = expected
        last[4].terminated = finalNewline
        #expect(result.lines == last)
    }

    @Test func endOffsetsArePositionsInTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // "ab\r\n" ends at 4, "\n" at 5, "cd\n" at 8, "ef" (open) at 10, the file's size.
        let plain = try dir.write("plain.log", Data("ab\r\n\ncd\nef".utf8))
        #expect(try Self.read(plain, variant: .utf8LF).offsets == [4, 5, 8, 10])
        // A BOM moves every offset by its 3 bytes.
        let bom = try dir.write("bom.log", Data([0xEF, 0xBB, 0xBF]) + Data("ab\ncd\n".utf8))
        #expect(try Self.read(bom, variant: .utf8BOMLF).offsets == [6, 9])
    }

    @Test func anEmptyFileHasNoLinesAndALoneNewlineHasOne() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try Self.read(try dir.write("empty.log", Data()), variant: .utf8LF).lines.isEmpty)
        #expect(try Self.read(try dir.write("bom-only.log", Data([0xEF, 0xBB, 0xBF])), variant: .utf8BOMLF).lines.isEmpty)
        #expect(try Self.read(try dir.write("nl.log", Data("\n".utf8)), variant: .utf8LF).lines == [Line(number: 1, text: "", terminated: true)])
    }

    @Test func resumesFromAByteOffset() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("resume.log", Data("one\r\ntwo\r\nthree".utf8))
        let result = try Self.read(path, variant: .utf8CRLF, startOffset: 5, firstLine: 2)
        #expect(result.lines == [Line(number: 2, text: "two", terminated: true), Line(number: 3, text: "three", terminated: false)])
        #expect(result.offsets == [10, 15])
    }

    @Test(arguments: FileVariant.allCases)
    func linesAcrossBlockBoundaries(variant: FileVariant) throws {
        var builder = FileBuilder(variant)
        var expected: [Line] = []
        var n = 0
        // About 700 KiB: three blocks, with boundaries wherever they fall.
        while builder.data.count < 700_000 {
            n += 1
            let text = "\(n) 表示ソフト " + String(repeating: "x", count: n % 97)
            expected.append(Line(number: builder.add(text), text: text, terminated: true))
        }
        builder.add("終わり", newline: false)
        expected.append(Line(number: n + 1, text: "終わり", terminated: false))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.read(try dir.write("many.log", builder.data), variant: variant)
        #expect(result.lines.count == expected.count)
        #expect(result.lines == expected)
        #expect(result.offsets.last == Int64(builder.data.count))
    }

    @Test func aCRLFSplitByTheBlockBoundaryIsOneLineEnd() throws {
        // The first line's CR is the first block's last byte and its LF the second block's first.
        let first = String(repeating: "a", count: readBlockSize - 1)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("split.log", Data((first + "\r\nsecond\r\n").utf8))
        let result = try Self.read(path, variant: .utf8CRLF)
        #expect(result.lines == [Line(number: 1, text: first, terminated: true), Line(number: 2, text: "second", terminated: true)])
        #expect(result.offsets == [Int64(readBlockSize + 1), Int64(readBlockSize + 9)])
    }

    @Test func aLineLongerThanABlock() throws {
        let long = String(repeating: "0123456789", count: 70_000)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("long.log", Data("short\n\(long)\nend".utf8))
        let result = try Self.read(path, variant: .utf8LF)
        try #require(result.lines.map(\.number) == [1, 2, 3])
        #expect(result.lines[1].text == long)
        #expect(result.lines[2] == Line(number: 3, text: "end", terminated: false))
    }
}
