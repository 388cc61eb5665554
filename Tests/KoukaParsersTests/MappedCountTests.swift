import Foundation
import Kouka
import Testing

/// Issue 13 item 5: a mapped count column (rpa-csv `items`, ai-ocr-csv `sheets`) whose cell is empty says
/// nothing of how many units the row handled: rejected, never taken for 1.
@Suite struct MappedCountTests {
    static func parse(_ parser: any LogParser, _ lines: [String]) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("log.csv", Data((lines.joined(separator: "\n") + "\n").utf8))
        let sink = CollectingSink()
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    /// The rows 3 / empty / 0: the old code counted 3 + 1 + 0 = 4 items. Right: 3 + 0 = 3 items, and
    /// the empty row (line 3) rejected with a reason that names the column and what to do.
    @Test func anEmptyItemsCellIsRejected() throws {
        let parser = try RobotCSVParser(options: SourceOptions(
            columns: ["task": "ロボット名", "start": "開始日時", "status": "結果", "items": "処理件数"],
            values: ["success": ["正常終了"], "failure": ["異常終了"], "cancelled": ["中断"]]))
        let sink = try Self.parse(parser, [
            "ロボット名,開始日時,結果,処理件数",
            "開閉栓受付入力,2024/04/01 09:00,正常終了,3",
            "開閉栓受付入力,2024/04/02 09:00,正常終了,",
            "開閉栓受付入力,2024/04/03 09:00,正常終了,0",
            // A failed run's count decides its rework (per failed item on an items row): an empty one is rejected too.
            "開閉栓受付入力,2024/04/04 09:00,異常終了,",
            // A cancelled run saves and costs nothing whatever its count: its empty cell is 0 items.
            "開閉栓受付入力,2024/04/05 09:00,中断,",
        ])
        #expect(sink.events.map(\.quantity) == [3, 0, 0])
        #expect(sink.events.map(\.outcome) == [.success, .success, .cancelled])
        #expect(sink.events.filter { $0.outcome == .success }.reduce(0) { $0 + $1.quantity } == 3)
        #expect(sink.events.allSatisfy { $0.unit == .items })
        #expect(sink.rejectedLines == [3, 5])
        #expect(sink.rejections.first?.reason.contains("column 処理件数 (items) is empty") == true)
        #expect(sink.rejections.first?.reason.contains("0 if none") == true)
    }

    /// A count is a decimal whole number: `0x10` (which Swift's Double reads as 16), `nan`, `inf` and `2.5` items are
    /// rejected, each on its line; `1,000` is 1,000. `1e3` is rejected too (helper-99 #4): Excel writes E notation for a
    /// cell formatted as 指数, with the digits it rounded away lost (12,345 items written `1E+04` were counted 10,000).
    @Test func aCountIsADecimalWholeNumber() throws {
        let parser = try RobotCSVParser(options: SourceOptions(
            columns: ["task": "ロボット名", "start": "開始日時", "status": "結果", "items": "処理件数"],
            values: ["success": ["正常終了"], "failure": ["異常終了"]]))
        let sink = try Self.parse(parser, [
            "ロボット名,開始日時,結果,処理件数",
            "開閉栓受付入力,2024/04/01 09:00,正常終了,0x10",
            "開閉栓受付入力,2024/04/02 09:00,正常終了,2.5",
            "開閉栓受付入力,2024/04/03 09:00,正常終了,nan",
            "開閉栓受付入力,2024/04/04 09:00,正常終了,inf",
            "開閉栓受付入力,2024/04/05 09:00,正常終了,\"1,000\"",
            "開閉栓受付入力,2024/04/06 09:00,正常終了,1e3",
            "開閉栓受付入力,2024/04/07 09:00,正常終了,3",
            // One, or one thousand written with a European thousands point: refused, not guessed.
            "開閉栓受付入力,2024/04/08 09:00,正常終了,1.000",
        ])
        #expect(sink.events.map(\.quantity) == [1000, 3])
        #expect(sink.rejectedLines == [2, 3, 4, 5, 7, 9])
        #expect(sink.rejections.map(\.reason).filter { $0.contains("not a non-negative number") }.count == 3)
        #expect(sink.rejections.filter { $0.reason.contains("is written in E notation: 1e3") }.count == 1)
        #expect(sink.rejections.filter { $0.reason.contains("(items) is not a whole number written without a point") }.count == 2)
    }

    /// Without an items column each row is one run, as before.
    @Test func withoutAnItemsColumnEachRowIsOneRun() throws {
        let parser = try RobotCSVParser(options: SourceOptions(columns: ["task": "ロボット名", "start": "開始日時"]))
        let sink = try Self.parse(parser, ["ロボット名,開始日時", "開閉栓受付入力,2024/04/01 09:00", "開閉栓受付入力,2024/04/02 09:00"])
        #expect(sink.events.map(\.quantity) == [1, 1])
        #expect(sink.events.allSatisfy { $0.unit == .runs })
    }

    /// The same defect in ai-ocr-csv's `sheets`: 12 / empty / 0 sheets gave 13; right: 12, line 3 rejected.
    @Test func anEmptySheetsCellIsRejected() throws {
        let parser = try AIOCRCSVParser(options: SourceOptions(columns: ["time": "読取日時", "form": "帳票名", "sheets": "読取枚数"]))
        let sink = try Self.parse(parser, [
            "読取日時,帳票名,読取枚数",
            "2024/04/01 09:00,申請書,12", "2024/04/01 10:00,申請書,", "2024/04/01 11:00,申請書,0",
        ])
        #expect(sink.events.map(\.quantity) == [12, 0])
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("column 読取枚数 (sheets) is empty") == true)
    }

    /// helper-99 #4: sheets written `2E+1` and items `1E+04` (a cell formatted as 指数, 12,345 shown rounded) were counted
    /// 20 and 10,000. Right: each line rejected, naming the cell and what to do; the other rows counted.
    @Test func aCountInENotationIsRejected() throws {
        let ocr = try AIOCRCSVParser(options: SourceOptions(columns: ["time": "読取日時", "form": "帳票名", "sheets": "読取枚数"]))
        let sheets = try Self.parse(ocr, ["読取日時,帳票名,読取枚数", "2024/04/01 09:00,申請書,2E+1", "2024/04/01 10:00,申請書,12"])
        #expect(sheets.events.map(\.quantity) == [12])
        #expect(sheets.rejectedLines == [2])
        #expect(sheets.rejections.first?.reason.contains("column 読取枚数 is written in E notation: 2E+1") == true)
        #expect(sheets.rejections.first?.reason.contains("format the column as a number") == true)
        let robot = try RobotCSVParser(options: SourceOptions(
            columns: ["task": "ロボット名", "start": "開始日時", "status": "結果", "items": "処理件数"], values: ["success": ["正常終了"]]))
        let items = try Self.parse(robot, ["ロボット名,開始日時,結果,処理件数", "台帳,2024/06/01 10:00,正常終了,1E+04", "台帳,2024/06/02 10:00,正常終了,7"])
        #expect(items.events.map(\.quantity) == [7])
        #expect(items.rejectedLines == [2])
    }
}
