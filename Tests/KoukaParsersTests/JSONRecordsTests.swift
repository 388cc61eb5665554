import Foundation
import Kouka
import Testing

/// `JSONRecords`: the records of a JSON array, of `{"value":[…]}` or of JSON lines, with the line
/// each record's `{` is on, without holding the file.
struct JSONRecordsTests {
    struct Record: Equatable, CustomStringConvertible {
        var line: Int
        var json: String
        var description: String { "\(line): \(json)" }
    }

    static func records(_ data: Data, encoding: TextEncoding = .auto) throws -> (records: [Record], end: JSONPathReader.End) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var records: [Record] = []
        let path = try dir.write("records.json", data)
        let context = ParseContext(clock: .tokyo, displayPath: "records.json", encoding: encoding, today: LocalDate(year: 2030, month: 1, day: 1))
        let end = try JSONRecords.forEach(path: path, context: context, format: "test") { json, line in
            records.append(Record(line: line, json: String(decoding: json, as: UTF8.self)))
        }
        return (records, end)
    }

    static let a = #"{"id":1,"text":"} ] { [ \" \\"}"#
    static let b = #"{"id":2,"nested":{"list":[{"x":1},{"y":[2,3]}]}}"#
    static let c = #"{"id":3,"name":"表示ソフト"}"#

    /// Each shape of the three records, and the lines their `{` are on.
    static let shapes: [(String, [Int])] = {
        let abc: [String] = [a, b, c]
        let list: String = abc.joined(separator: ",\n")
        let compact: String = abc.joined(separator: ",")
        return [
            ("[\n" + list + "\n]", [2, 3, 4]),
            ("[" + compact + "]", [1, 1, 1]),
            (abc.joined(separator: "\n") + "\n", [1, 2, 3]),
            (abc.joined(separator: "\r\n"), [1, 2, 3]),
            (#"{"@odata.context":"x","# + "\n" + #""value":["# + "\n" + list + "]}", [3, 4, 5]),
            (#"{"value":["# + compact + #"],"@odata.deltaLink":"y"}"#, [1, 1, 1]),
            // An Orchestrator answer asked with $count=true opens with the count.
            (#"{"@odata.context":"x","@odata.count":3,"value":["# + compact + "]}", [1, 1, 1]),
            (#"{"@odata.count":3,"value":["# + compact + "]}", [1, 1, 1]),
        ]
    }()

    @Test(arguments: shapes)
    func recordsOfEachShape(text: String, lines: [Int]) throws {
        let (records, end) = try Self.records(Data(text.utf8))
        #expect(records == zip(lines, [Self.a, Self.b, Self.c]).map { Record(line: $0, json: $1) })
        #expect(end.complete)
        #expect(end.cutOffLine == nil)
    }

    @Test func aBOMIsNotPartOfTheFirstRecord() throws {
        let (records, _) = try Self.records(Data([0xEF, 0xBB, 0xBF]) + Data(Self.c.utf8))
        #expect(records == [Record(line: 1, json: Self.c)])
    }

    @Test func aRecordCutOffByTheEndOfTheFileIsReportedByItsLine() throws {
        let text = "[\n" + Self.a + ",\n\n" + #"{"id":4,"text":"ab"# // cut inside a string of the record on line 4
        let (records, end) = try Self.records(Data(text.utf8))
        #expect(records == [Record(line: 2, json: Self.a)])
        #expect(!end.complete)
        #expect(end.cutOffLine == 4)
    }

    @Test func shiftJISRecordsAreHandedOverAsUTF8() throws {
        // ソ (83 5C) and 表 (95 5C) end strings: the 5C must not escape the closing quote.
        let text = "[" + #"{"name":"ソ"}"# + ",\n" + #"{"name":"一覧表","n":"\\"}"# + "]"
        let (records, end) = try Self.records(try #require(text.data(using: .shiftJIS)))
        #expect(records == [Record(line: 1, json: #"{"name":"ソ"}"#), Record(line: 2, json: #"{"name":"一覧表","n":"\\"}"#)])
        #expect(end.complete && end.cutOffLine == nil)
    }

    @Test func aRecordLargerThanAReadBlock() throws {
        let big = #"{"id":9,"blob":""# + String(repeating: "表", count: 200_000) + #""}"#
        let (records, end) = try Self.records(Data(("[" + big + "," + Self.a + "]").utf8))
        #expect(records.map(\.json) == [big, Self.a])
        #expect(end.complete)
    }

    @Test func aJSONLinesRecordWithAnArrayOfObjectsIsOneRecord() throws {
        let line = #"{"id":5,"tags":[{"a":1},{"b":2}]}"#
        let (records, _) = try Self.records(Data((line + "\n" + Self.c + "\n").utf8))
        #expect(records == [Record(line: 1, json: line), Record(line: 2, json: Self.c)])
    }

    @Test(arguments: ["[]", #"{"@odata.context":"x","value":[]}"#])
    func anExportWithNoRecordsHasNone(text: String) throws {
        let (records, end) = try Self.records(Data(text.utf8))
        #expect(records.isEmpty)
        #expect(end.complete && end.roots == 1)
    }
}
