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

    /// A quote opened in the last column and closed by a later row's quote gives a record of the header's width:
    /// the rows between were lost with no word. Lines inside it that read as rows of the file (the header's
    /// width, a first field shaped as the record's own) show it.
    @Test(arguments: ["\n", "\r\n"])
    func rowsInsideAQuoteOpenedInTheLastColumnAreReadAsRows(lineEnd: String) throws {
        let lines = ["at,user,text", "2024-04-01 09:00:00,u1,ok", "2024-04-01 09:05:00,u2,\"broken", "2024-04-01 09:10:00,u3,fine",
                     "2024-04-01 09:15:00,u4,also fine", "2024-04-01 09:20:00,u5,\"quoted\"", "2024-04-01 09:25:00,u6,last"]
        let seen = try Self.read(lines.joined(separator: lineEnd) + lineEnd)
        #expect(seen.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
        #expect(seen[2].defect == .rowsInsideQuote(firstRowLine: 4, lastLine: 6))
        #expect(seen[3] == Seen(line: 4, fields: ["2024-04-01 09:10:00", "u3", "fine"]))
        #expect(seen[5] == Seen(line: 6, fields: ["2024-04-01 09:20:00", "u5", "quoted"]))
        #expect(seen[6] == Seen(line: 7, fields: ["2024-04-01 09:25:00", "u6", "last"]))
    }

    /// A question whose last line is a date and amounts, with the row's other columns after its closing quote, has the
    /// header's width and a row's first field: it closes the quote, so it is the field's text, not a swallowed row (and the
    /// citizen's words never become a row of their own).
    @Test func theLineThatClosesAQuoteIsTheFieldsTextWhateverItLooksLike() throws {
        let text = "at,q,answered\n2025/06/02 10:00:00,\"コンビニで払えますか\n2025/06/02 11:22:33,3000円\",yes\n2025/06/02 10:05:00,ok,yes\n"
        let seen = try Self.read(text)
        #expect(seen.map(\.defect) == [nil, nil, nil])
        #expect(seen.map(\.line) == [1, 2, 4])
        #expect(seen[1].fields == ["2025/06/02 10:00:00", "コンビニで払えますか\n2025/06/02 11:22:33,3000円", "yes"])
    }

    /// The stray quote closed by the very next row, whose own quoted field opens where its quote is: no line lies wholly
    /// inside the quote, and the closing row is the one swallowed.
    @Test func aRowThatClosesAStrayQuoteWithAQuotedFieldOfItsOwnIsReadAsARow() throws {
        let text = "at,user,text\n2024-04-01 09:05:00,u2,\"broken\n2024-04-01 09:10:00,u3,\"quoted\"\n2024-04-01 09:15:00,u4,last\n"
        let seen = try Self.read(text)
        #expect(seen.map(\.line) == [1, 2, 3, 4])
        #expect(seen[1].defect == .rowsInsideQuote(firstRowLine: 3, lastLine: 3))
        #expect(seen[2] == Seen(line: 3, fields: ["2024-04-01 09:10:00", "u3", "quoted"]))
    }

    /// A first field of one class (a name) in a row of few fields says too little: a line of free text could have it, so
    /// text over several lines is never read as rows there.
    @Test func aNameInTheFirstColumnOfANarrowFileJudgesNoLine() throws {
        let seen = try Self.read("名前,q,a\n山田,\"はい\n佐藤,質問,です\n鈴木\",v\n")
        #expect(seen.map(\.defect) == [nil, nil])
        #expect(seen[1].fields == ["山田", "はい\n佐藤,質問,です\n鈴木", "v"])
    }

    /// Rows keyed by a GUID (a flowsession export): GUIDs have one shape whatever their digits and letters.
    @Test func rowsKeyedByGUIDsInsideAQuoteAreReadAsRows() throws {
        let lines = ["flowsessionid,name,errormessage", "3f2504e0-4f89-11d3-9a0c-0305e82c3301,flow,\"broken",
                     "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d,flow,ok", "1c6b1474-5b6c-4f1b-8e1e-9e3f0a7c2d11,flow,\"x\""]
        let seen = try Self.read(lines.joined(separator: "\r\n") + "\r\n")
        #expect(seen.map(\.line) == [1, 2, 3, 4])
        #expect(seen[1].defect == .rowsInsideQuote(firstRowLine: 3, lastLine: 4))
        #expect(seen[2] == Seen(line: 3, fields: ["9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "flow", "ok"]))
    }

    /// Text over several lines, with commas, is one field as long as no line of it reads as a row of the file.
    @Test func aMultiLineTextWithCommasIsStillOneRow() throws {
        let text = "at,user,text\n2024-04-01 09:00:00,u1,\"Dear sir,\nthe form, page 2, line 3\n2024-04-01, at the desk, noon\nthanks\"\n2024-04-01 09:05:00,u2,ok\n"
        let seen = try Self.read(text)
        #expect(seen.map(\.defect) == [nil, nil, nil])
        #expect(seen[1].fields[2] == "Dear sir,\nthe form, page 2, line 3\n2024-04-01, at the desk, noon\nthanks")
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
