import Foundation
import Kouka
import Testing

/// A broken record is handed over with its defect and reading goes on after it: an unclosed quote costs
/// its own line only, and no record is held beyond `CSVReader.maxRecordBytes`.
struct CSVRecordDefectTests {
    struct Seen: Equatable {
        var line: Int
        var fields: [String]
        var defect: CSVRecordDefect?
    }

    static func read(_ text: String, expectedFields: Int? = 3) throws -> [Seen] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("t.csv", Data(text.utf8))
        let reader = try CSVReader(path: path, encoding: .utf8)
        var seen: [Seen] = []
        try reader.forEachRecord { record in
            seen.append(Seen(line: record.line, fields: (0..<record.count).map { record.string(at: $0) ?? "?" }, defect: record.defect))
            if record.line == 1 { reader.expectedFields = expectedFields }
        }
        return seen
    }

    @Test(arguments: ["\n", "\r\n"])
    func aQuoteNeverClosedCostsOnlyItsLine(lineEnd: String) throws {
        let text = ["a,b,c", "1,x,y", "2,\"broken,y", "3,x,y", "4,x,y"].joined(separator: lineEnd) + lineEnd
        let seen = try Self.read(text)
        #expect(seen.map(\.line) == [1, 2, 3, 4, 5])
        // Open to the file's end: said so, whatever the number of fields it would have had.
        #expect(seen[2].defect == .quoteOpenAtEnd(lastLine: 5))
        #expect(seen[3] == Seen(line: 4, fields: ["3", "x", "y"]))
        #expect(seen[4] == Seen(line: 5, fields: ["4", "x", "y"]))
    }

    /// In the last column the swallowed lines leave the field count as the header's: only the file's end shows it.
    @Test(arguments: ["\n", "\r\n", ""])
    func aQuoteInTheLastColumnNeverClosedCostsOnlyItsLine(lastLineEnd: String) throws {
        let seen = try Self.read("a,b,c\n1,x,y\n2,x,\"broken\n3,x,y\n4,x,y" + lastLineEnd)
        #expect(seen.map(\.line) == [1, 2, 3, 4, 5])
        #expect(seen[2].defect == .quoteOpenAtEnd(lastLine: 5))
        #expect(seen[3] == Seen(line: 4, fields: ["3", "x", "y"]))
        #expect(seen[4] == Seen(line: 5, fields: ["4", "x", "y"]))
    }

    @Test func aQuotedLastFieldOnTheLastLineIsStillARow() throws {
        #expect(try Self.read("a,b,c\n1,x,\"two\nlines\"") == [Seen(line: 1, fields: ["a", "b", "c"]), Seen(line: 2, fields: ["1", "x", "two\nlines"])])
    }

    @Test func aQuoteClosedByAnotherBrokenRowLosesNoRowBetween() throws {
        let text = "a,b,c\n1,\"x,y\n2,x,y\n3,x\",y,z\n4,x,y\n"
        let seen = try Self.read(text)
        // Lines 2–4 read as one record give 4 fields where the header has 3: the quote did not belong there.
        #expect(seen.first { $0.line == 2 }?.defect != nil)
        #expect(seen.contains(Seen(line: 3, fields: ["2", "x", "y"])))
        #expect(seen.contains(Seen(line: 5, fields: ["4", "x", "y"])))
    }

    @Test func aRealQuotedLineBreakIsStillOneRow() throws {
        let seen = try Self.read("a,b,c\n1,\"two\nlines\",y\n2,x,y\n")
        #expect(seen == [Seen(line: 1, fields: ["a", "b", "c"]), Seen(line: 2, fields: ["1", "two\nlines", "y"]), Seen(line: 4, fields: ["2", "x", "y"])])
    }

    @Test func aLineLongerThanTheLimitIsPassedOverToItsEnd() throws {
        let long = String(repeating: "x", count: CSVReader.maxRecordBytes + 10)
        let seen = try Self.read("a,b,c\n1,\(long),y\n2,x,y\n")
        #expect(seen.map(\.line) == [1, 2, 3])
        #expect(seen[1].defect == .tooLong(limit: CSVReader.maxRecordBytes))
        #expect(seen[2] == Seen(line: 3, fields: ["2", "x", "y"]))
    }
}
