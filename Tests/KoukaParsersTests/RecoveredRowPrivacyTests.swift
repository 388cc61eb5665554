import Foundation
import Kouka
import Testing

/// A citizen who pastes a row of the export into a question writes a line that reads as a row of the file: the date and
/// time first, the header's number of fields. In a log that may hold what citizens wrote no line inside a quote is ever
/// read as a row: a record with such a line inside (a pasted row, or rows a quote out of place took in) is rejected whole,
/// with a reason that quotes nothing, and so is one whose quote is broken otherwise. Before, the pasted line was read as a
/// row and its third field, the citizen's words, was stored and printed as an unmapped category (helper-160's rowlike
/// repro); read as libcsv reads it, a record that took a real row in lost that row in silence (helper-165 #1).
@Suite struct RecoveredRowPrivacyTests {
    static let options = SourceOptions(
        columns: ["time": "日時", "session": "セッションID", "category": "カテゴリ", "answered": "回答状況", "escalated": "有人対応", "rating": "評価"],
        values: ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"], "not_escalated": ["なし"]])
    static let header = "日時,セッションID,カテゴリ,質問文,回答状況,有人対応,評価"
    /// What the citizen pasted: a line of the export's shape whose category is a name and an address.
    static let pasted = "2024/04/01 09:00:00,s0,山田花子の住所は東京都港区,CITQ,回答済,なし,5"
    static let citizensWords = ["山田花子", "東京都港区", "CITQ"]

    /// The repro's file: s9's question runs over three lines, the middle one pasted.
    static func lines(closing: String = "の続きです\",回答済,なし,4", last: [String] = ["2024/04/01 11:00:00,s10,ごみ,次の質問,回答済,なし,5"]) -> [String] {
        [header, "2024/04/01 10:00:00,s1,ごみ,粗大ごみの出し方,回答済,なし,5", "2024/04/01 10:40:00,s9,ごみ,\"さっきのやりとりを貼ります", pasted, closing] + last
    }

    static func parse(_ variant: FileVariant, _ lines: [String], finalNewline: Bool = true) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("faq.csv", variant.encode(lines, finalNewline: finalNewline))
        let sink = CollectingSink()
        _ = try ChatbotCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    /// Whether any counted inquiry, in any of its fields, or any rejection holds the citizen's words.
    static func holdsCitizensWords(_ sink: CollectingSink) -> Bool {
        let texts = sink.events.map { String(describing: $0) } + sink.rejections.map { "\($0.reason) \(String(describing: $0))" }
        return texts.contains { text in citizensWords.contains { text.contains($0) } }
    }

    static func epochs(_ sink: CollectingSink) -> [TimeInterval] { sink.events.map { $0.occurredAt.timeIntervalSince1970 } }
    // 2024/04/01 10:00, 10:40 and 11:00 in Tokyo; the pasted 09:00 is 1_711_929_600.
    static let s1 = 1_711_933_200.0, s9 = 1_711_935_600.0, s10 = 1_711_936_800.0

    @Test(arguments: FileVariant.allCases)
    func aPastedRowInsideAQuestionRejectsItsRecordWholeNamingNoValue(_ variant: FileVariant) throws {
        let sink = try Self.parse(variant, Self.lines())
        // s9's record, lines 3 to 5, is one rejected row: s1 and s10 count (0.20 h), loudly short of s9.
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("line 4 inside it reads as a row") == true, "\(sink.rejections)")
        #expect(sink.rejections.first?.reason.contains("line 5") == true)
        #expect(Self.epochs(sink) == [Self.s1, Self.s10])
        #expect(sink.events.map(\.taskName) == ["ごみ", "ごみ"])
        #expect(!Self.holdsCitizensWords(sink))
    }

    /// A quote out of place in s1's question took s2's row in, the record still of the header's width: rejected whole, not
    /// read as libcsv reads it, which lost s2 with exit 0 (helper-165 #1).
    @Test(arguments: FileVariant.allCases)
    func aRowTakenInByAQuoteOutOfPlaceIsNotLostInSilence(_ variant: FileVariant) throws {
        let sink = try Self.parse(variant, [Self.header, "2024/04/01 10:00:00,s1,ごみ,\"粗大ごみの出し方,回答済,なし,5",
                                            "2024/04/01 10:40:00,s9,ごみ,\"次の質問\",回答済,なし,4", "2024/04/01 11:00:00,s10,ごみ,次の質問,回答済,なし,5"])
        #expect(sink.rejectedLines == [2], "\(sink.rejections)")
        #expect(Self.epochs(sink) == [Self.s10])
    }

    /// A quote out of place in a column Kouka reads (the category) takes the citizen's text in: the row is refused, and the
    /// value is neither counted as a name nor quoted (helper-165 #1, test 2).
    @Test(arguments: FileVariant.allCases)
    func aColumnKoukaReadsThatRunsOverLinesIsRefused(_ variant: FileVariant) throws {
        let sink = try Self.parse(variant, [Self.header, "2024/04/01 10:00:00,s1,\"ごみ,山田花子の住所は東京都港区です,回答済,なし,5",
                                            "2024/04/01 11:00:00,s10,ごみ\",次の質問,回答済,なし,5"])
        #expect(sink.rejectedLines == [2], "\(sink.rejections)")
        #expect(sink.events.isEmpty)
        #expect(!Self.holdsCitizensWords(sink))
    }

    /// The line that closes the question has a field too many: the record is not the header's width, and its quote did not
    /// belong there; it is rejected whole, and the pasted line inside it is not read as a row.
    @Test(arguments: FileVariant.allCases)
    func aBrokenRecordAroundAPastedRowIsRejectedWholeNamingNoValue(_ variant: FileVariant) throws {
        let sink = try Self.parse(variant, Self.lines(closing: "の続きです\",回答済,なし,4,x"))
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("line 5") == true)
        #expect(Self.epochs(sink) == [Self.s1, Self.s10])
        #expect(!Self.holdsCitizensWords(sink))
    }

    /// The export cut off inside the question: the lines after its first are rejected with it, the pasted one too.
    @Test(arguments: FileVariant.allCases)
    func aQuestionOpenAtTheFilesEndIsRejectedWholeNamingNoValue(_ variant: FileVariant) throws {
        let sink = try Self.parse(variant, Array(Self.lines().prefix(4)))
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("line 4") == true)
        #expect(Self.epochs(sink) == [Self.s1])
        #expect(!Self.holdsCitizensWords(sink))
    }

    /// The reader itself: with the recovery off, the record with a row-like line inside is rejected whole and no line of it
    /// is handed over as a row; with it on (logs that hold no citizen's words), the swallowed row is read again.
    @Test(arguments: [false, true])
    func theReaderReadsAPastedRowAsTextOnlyWhenToldNotToRecover(recovers: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("t.csv", Data(Self.lines().joined(separator: "\r\n").appending("\r\n").utf8))
        let reader = try CSVReader(path: path, encoding: .utf8)
        reader.readsLinesInsideAQuoteAsRows = recovers
        var seen: [(line: Int, fields: [String], defect: CSVRecordDefect?)] = []
        try reader.forEachRecord { record in
            seen.append((record.line, (0..<record.count).map { record.string(at: $0) ?? "?" }, record.defect))
            if record.line == 1 { reader.expectedFields = 7 }
        }
        if recovers {
            #expect(seen.map(\.line) == [1, 2, 3, 4, 5, 6])
            #expect(seen[2].defect == .rowsInsideQuote(firstRowLine: 4, lastLine: 5))
        } else {
            #expect(seen.map(\.line) == [1, 2, 3, 6])
            #expect(seen[2].defect == .rowsInsideQuoteRejectedWhole(firstRowLine: 4, lastLine: 5))
            #expect(seen.allSatisfy { !$0.fields.contains("山田花子の住所は東京都港区") })
        }
    }
}
