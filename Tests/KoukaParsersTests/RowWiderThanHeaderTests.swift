import Foundation
@testable import Kouka
import Testing

/// A row holding a value beyond its header's last column no longer lines up with the header: an unquoted `1,200`
/// read as `1` and `200` counted 1 item where the export says 1,200, with exit 0 (helper-85's
/// extra-fields-row-accepted.sh). Such a row is rejected on its line; empty fields after the last column are not a
/// value and pass. A column the parser reads that the header names twice refuses the file.
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
        #expect(reason.contains("6 fields where the header has 5 columns"))
        #expect(reason.contains("1,200"))
        // Dated by its own start, so that the year it belongs to shows it among its rejected rows.
        #expect(sink.rejections.first?.day == LocalDate(year: 2024, month: 5, day: 1))
    }

    @Test func emptyFieldsAfterTheLastColumnAreNoValue() throws {
        let sink = try MappedCountTests.parse(Self.robots, [
            "task,start,end,status,items",
            "alpha,2024-05-01 10:00:00,2024-05-01 10:01:00,ok,3,",
            "alpha,2024-05-02 10:00:00,2024-05-02 10:01:00,ok,4,,,",
        ])
        #expect(sink.events.map(\.quantity) == [3, 4])
        #expect(sink.rejectedLines.isEmpty)
    }

    @Test func aValueBeyondTheLastColumnOfAVendorExportRejectsTheRow() throws {
        let header = WinActorTaskCSVParserTests.header
        let (_, sink) = try WinActorTaskCSVParserTests.parse([
            header,
            WinActorTaskCSVParserTests.task(1, "FINISH", seconds: "42") + ",7",
            WinActorTaskCSVParserTests.task(2, "FINISH", seconds: "42") + ",",
        ])
        #expect(sink.events.count == 1)
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.reason.contains("32 fields where the header has 31 columns") == true)
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
