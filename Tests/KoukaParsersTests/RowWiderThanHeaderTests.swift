import Foundation
@testable import Kouka
import Testing

/// A row holding a value beyond its header's last column no longer lines up with the header: an unquoted `1,200`
/// read as `1` and `200` counted 1 item where the export says 1,200, with exit 0 (helper-85's
/// extra-fields-row-accepted.sh). A row wider than its header is rejected on its line, also when the field pushed past
/// the header is empty (helper-86: a WinActor row whose last column was empty); an export that ends its header too
/// with a delimiter has rows as wide, which pass. A column the parser reads that the header names twice refuses the file.
@Suite struct RowWiderThanHeaderTests {
    static let robots = try! RobotCSVParser(options: SourceOptions(
        columns: ["task": "task", "start": "start", "end": "end", "status": "status", "items": "items"],
        values: ["success": ["ok"], "failure": ["ng"]]))

    @Test func anUnquotedThousandsSeparatorRejectsTheRow() throws {
        let sink = try MappedCountTests.parse(Self.robots, [
            "task,start,end,status,items",
            "alpha,2024-05-01 10:00:00,2024-05-01 10:01:00,ok,1,200",
            "alpha,2024-05-02 10:00:00,2024-05-02 10:01:00,ok,\"1,200\"",
        ])
        #expect(sink.events.map(\.quantity) == [1200])
        #expect(sink.rejectedLines == [2])
        let reason = try #require(sink.rejections.first?.reason)
        #expect(reason.contains("6 fields where the header has 5:"))
        #expect(reason.contains("1,200"))
        // Dated by its own start, so that the year it belongs to shows it among its rejected rows.
        #expect(sink.rejections.first?.day == LocalDate(year: 2024, month: 5, day: 1))
    }

    @Test func aRowOneFieldWiderThanItsHeaderIsRejectedEvenWhenTheFieldIsEmpty() throws {
        let sink = try MappedCountTests.parse(Self.robots, [
            "task,start,end,status,items,note",
            "alpha,2024-05-01 10:00:00,2024-05-01 10:01:00,ok,3,checked",
            // 1,200 items, the note empty: `note` would read 200 and `items` 1.
            "alpha,2024-05-02 10:00:00,2024-05-02 10:01:00,ok,1,200,",
        ])
        #expect(sink.events.map(\.quantity) == [3])
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("7 fields where the header has 6:") == true)
    }

    @Test func anExportThatEndsEveryLineWithADelimiterHasRowsAsWideAsItsHeader() throws {
        let sink = try MappedCountTests.parse(Self.robots, [
            "task,start,end,status,items,",
            "alpha,2024-05-01 10:00:00,2024-05-01 10:01:00,ok,3,",
            "alpha,2024-05-02 10:00:00,2024-05-02 10:01:00,ok,4,",
            // A value under the column of no name: the row's fields moved (helper-86's trailing-comma-header-hides-wide-row.sh).
            "alpha,2024-05-03 10:00:00,2024-05-03 10:01:00,ok,1,200",
        ])
        #expect(sink.events.map(\.quantity) == [3, 4])
        #expect(sink.rejectedLines == [4])
        #expect(sink.rejections.first?.reason.contains("field 6 of the row holds a value where the header names 5 columns") == true)
    }

    @Test func aRowWiderThanAVendorExportsHeaderIsRejected() throws {
        let header = WinActorTaskCSVParserTests.header
        let (_, sink) = try WinActorTaskCSVParserTests.parse([
            header,
            WinActorTaskCSVParserTests.task(1, "FINISH", seconds: "42") + ",7",
            // 実行時間（秒） written 2,180 unquoted, the last column (個別ステージID) empty as usual: 2 s where the export says 2,180.
            WinActorTaskCSVParserTests.task(2, "FINISH", seconds: "42").replacingOccurrences(of: ",42,", with: ",2,180,"),
            WinActorTaskCSVParserTests.task(3, "FINISH", seconds: "42"),
        ])
        #expect(sink.events.map(\.machineSeconds) == [42])
        #expect(sink.rejectedLines == [2, 3])
        #expect(sink.rejections.allSatisfy { $0.reason.contains("32 fields where the header has 31:") })
    }

    @Test func aColumnReadTwiceRefusesTheFile() throws {
        let parser = try RobotCSVParser(options: SourceOptions(
            columns: ["task": "task", "start": "start", "status": "status"], values: ["success": ["ok"]]))
        let error = #expect(throws: FormatMismatch.self) {
            try MappedCountTests.parse(parser, ["task,start,status,start", "alpha,2024-03-31 10:00:00,ok,2024-04-01 10:00:00"])
        }
        #expect(error?.reason.contains("names column start 2 times (columns 2, 4)") == true)
        // A column it does not read may be named twice.
        let sink = try MappedCountTests.parse(parser, ["task,start,status,note,note", "alpha,2024-03-31 10:00:00,ok,a,b"])
        #expect(sink.events.count == 1)
    }

    @Test func aCatalogRowWithAValueBeyondItsLastColumnIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("catalog.csv", Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T1,Items task,税務課,rpa,items,1,200,0,0,2020-04-01,alpha

            """.utf8))
        let error = #expect(throws: CatalogError.self) { try TaskCatalogLoader.load(path: path) }
        #expect(error?.problems.map(\.line) == [2])
        #expect(error?.problems.first?.message.contains("check the catalog") == true)
    }
}
