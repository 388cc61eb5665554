import Foundation
import Kouka
import Testing

/// What the reader makes of a file does not depend on where its blocks end: a line split over two blocks is looked at
/// whole. A stray quote whose row-like line crossed a block's end was never caught, and the rows it took in were counted
/// as one with exit 0 (helper-168 #1, at the 256 KiB edge of a chatbot export). Read here in blocks of every size from 8
/// to 120 bytes, so that every line of the file is split somewhere.
struct CSVReaderBlockEdgeTests {
    static let header = "日時,セッションID,カテゴリ,質問文,回答状況,有人対応,評価"

    /// (line, defect or the fields) of every record.
    static func read(_ path: String, blockSize: Int?, recovers: Bool) throws -> [String] {
        let reader = try CSVReader(path: path, encoding: .utf8, blockSize: blockSize)
        reader.readsLinesInsideAQuoteAsRows = recovers
        var seen: [String] = []
        try reader.forEachRecord { record in
            seen.append("\(record.line) " + (record.defect.map { "\($0)" } ?? (0..<record.count).map { record.string(at: $0) ?? "?" }.joined(separator: "|")))
            if record.line == 1 { reader.expectedFields = 7 }
        }
        return seen
    }

    /// Reads `path` in blocks of every size from 8 to 120 bytes, each time expecting `whole`, what one block gives.
    static func expectTheSameInBlocksOfEverySize(_ path: String, as whole: [String], recovers: Bool,
                                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for size in 8...120 {
            let split = try read(path, blockSize: size, recovers: recovers)
            #expect(split == whole, "blocks of \(size) bytes: \(split) against \(whole)", sourceLocation: sourceLocation)
        }
    }

    /// Each line end a writer gives: `\r\r\n` is Python's csv writer on Windows, whose two carriage returns a block may end
    /// on (helper-171 #1).
    @Test(arguments: [false, true], ["\r\n", "\r\r\n", "\n"])
    func aRowTakenInByAStrayQuoteIsFoundWhereverTheBlocksEnd(recovers: Bool, lineEnd: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("faq.csv", Data(([Self.header,
                                                   "2024/04/01 10:00:00,s1,ごみ,\"粗大ごみの出し方,回答済,なし,5",
                                                   "2024/04/01 10:40:00,s9,ごみ,\"次の質問\",回答済,なし,4",
                                                   "2024/04/01 11:00:00,s10,ごみ,次の質問,回答済,なし,5"].joined(separator: lineEnd) + lineEnd).utf8))
        let whole = try Self.read(path, blockSize: nil, recovers: recovers)
        // The record of line 2 is broken either way; line 4 is read.
        #expect(whole.first { $0.hasPrefix("2 ") }?.contains("rowsInsideQuote") == true, "\(whole)")
        #expect(whole.last?.hasPrefix("4 2024/04/01 11:00:00|s10") == true, "\(whole)")
        try Self.expectTheSameInBlocksOfEverySize(path, as: whole, recovers: recovers)
    }

    /// A stray quote closed by the file's last line, with no line end after it: that line is looked at as any other
    /// (helper-173 F1: the two rows were counted as one, exit 0), wherever the blocks end.
    @Test(arguments: [false, true])
    func aRowTakenInAtTheFilesLastLineWithoutALineEndIsFound(recovers: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("faq.csv", Data(([Self.header,
                                                   "2024/04/01 10:00:00,s1,ごみ,\"粗大ごみの出し方,回答済,なし,5",
                                                   "2024/04/01 10:40:00,s9,ごみ,\"次の質問\",回答済,なし,4"].joined(separator: "\r\n")).utf8))
        let whole = try Self.read(path, blockSize: nil, recovers: recovers)
        #expect(whole.first { $0.hasPrefix("2 ") }?.contains("rowsInsideQuote") == true, "\(whole)")
        try Self.expectTheSameInBlocksOfEverySize(path, as: whole, recovers: recovers)
    }

    /// A first field of one kind of character (a robot's name) in a row of six fields: the rows a stray quote took in are
    /// found at the header's width (helper-173 F2: 16 of 20 runs counted, exit 0).
    /// With a header ending in a delimiter too, whose rows leave it off (helper-175 F1: 4 of 6 runs counted, exit 0).
    @Test(arguments: [false, true])
    func aRobotsNameInTheFirstColumnStillFindsARowTakenIn(trailingDelimiter: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("runs.csv", Data((["ロボット,開始,状態,件数,担当,備考" + (trailingDelimiter ? "," : ""),
                                                    "ロボ処理,2024/05/01 09:00,ok,10,山田,\"帳票\"の様式が変更",
                                                    "ロボ処理,2024/05/02 09:00,ok,20,山田,なし", "ロボ処理,2024/05/03 09:00,ok,30,山田,\"再実行\"",
                                                    "ロボ処理,2024/05/04 09:00,ok,40,山田,なし"].joined(separator: "\r\n") + "\r\n").utf8))
        let reader = try CSVReader(path: path, encoding: .utf8)
        var defects: [String] = [], lines: [Int] = []
        try reader.forEachRecord { record in
            lines.append(record.line)
            if let defect = record.defect { defects.append("\(record.line) \(defect)") }
            if record.line == 1 { reader.expectedFields = trailingDelimiter ? 7 : 6; reader.fewestFields = 6 }
        }
        #expect(!defects.isEmpty, "\(lines)")
        // Every row is either read or named: none is taken into another in silence.
        #expect(Set(lines).isSuperset(of: [2, 3, 4, 5]), "\(lines) \(defects)")
    }

    /// A header of ten names that ends in a delimiter keeps the check of a row by its width alone, at the header's width
    /// (helper-171 #2: the nine named columns took it off, and a row a stray quote took in was lost with exit 0).
    @Test func aTenColumnHeaderEndingInADelimiterStillFindsARowTakenIn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let header = "ID,タスク,開始,状態,件数,担当,備考,端末,区分,"
        let path = try dir.write("runs.csv", Data(([header, "12345,取込,2024-05-01,ok,10,山田,\"メモ,PC1,A,",
                                                    "12346,取込,2024-05-02,ok,20,山田,\"再実行\",PC1,A,",
                                                    "12347,取込,2024-05-03,ok,30,山田,なし,PC1,A,"].joined(separator: "\r\n") + "\r\n").utf8))
        let reader = try CSVReader(path: path, encoding: .utf8)
        var defects: [String] = []
        try reader.forEachRecord { record in
            if let defect = record.defect { defects.append("\(record.line) \(defect)") }
            if record.line == 1 { reader.expectedFields = 10; reader.fewestFields = 9 }
        }
        #expect(defects == ["2 rowsInsideQuote(firstRowLine: 3, lastLine: 3)"], "\(defects)")
    }

    /// A header that ends in a delimiter names a column Excel leaves off some rows: a question over three lines in a row of
    /// the named columns only is one row whose quote closed, not an unclosed quote (helper-168 #2).
    @Test func aRowOfTheNamedColumnsOnlyOverSeveralLinesIsOneRow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("faq.csv", Data(([Self.header + ",",
                                                   "2024/04/01 10:00:00,s1,税金,\"2024/04/01に申請した件\n2024/04/15に再提出\nまだです\",回答済,なし,5",
                                                   "2024/04/01 11:00:00,s2,税金,次の質問,回答済,なし,5"].joined(separator: "\r\n") + "\r\n").utf8))
        for recovers in [false, true] {
            let reader = try CSVReader(path: path, encoding: .utf8)
            reader.readsLinesInsideAQuoteAsRows = recovers
            var defects: [String] = [], lines: [Int] = []
            try reader.forEachRecord { record in
                lines.append(record.line)
                if let defect = record.defect { defects.append("\(defect)") }
                if record.line == 1 { reader.expectedFields = 8; reader.fewestFields = 7 }
            }
            #expect(defects.isEmpty, "\(defects)")
            #expect(lines == [1, 2, 5])
        }
    }
}
