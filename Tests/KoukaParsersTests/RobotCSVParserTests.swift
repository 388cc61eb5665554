import Foundation
import Kouka
import Testing

/// `RobotCSVParser`: any robot's CSV export read through the `[source.columns]` / `[source.values]` mapping.
struct RobotCSVParserTests {
    /// A BizRobo! run log as a city exports it.
    static let bizRobo = SourceOptions(
        columns: ["task": "ロボット名", "start": "開始日時", "end": "終了日時", "status": "結果", "items": "処理件数", "department": "担当課"],
        values: ["success": ["正常終了", "OK"], "failure": ["異常終了", "エラー"], "cancelled": ["中止"], "unfinished": ["実行中"]],
        department: "情報政策課")

    static func parse(path: String, options: SourceOptions) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let sink = CollectingSink()
        let summary = try RobotCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        return (summary, sink)
    }

    static func parse(_ data: Data, options: SourceOptions, name: String = "runs.csv") throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try parse(path: try dir.write(name, data), options: options)
    }

    static var fixture: URL {
        get throws { try #require(Bundle.module.url(forResource: "bizrobo-runs", withExtension: "csv", subdirectory: "Fixtures")) }
    }

    /// 2024-04-01 00:00 JST.
    static let midnight = 1_711_897_200.0

    /// Checks what Fixtures/bizrobo-runs.csv must give, whatever its bytes.
    static func checkBizRoboRuns(_ summary: ParseSummary, _ sink: CollectingSink) {
        // Data rows are lines 2–11; 実行中 (line 6) waits; 不明 (7), no robot name (8), no start (9) and a
        // negative count (10) are rejected.
        #expect(summary == ParseSummary(recordsRead: 10, pendingRuns: 1))
        #expect(sink.rejectedLines == [7, 8, 9, 10])
        #expect(sink.events.map(\.source.line) == [2, 3, 4, 5, 11])
        #expect(sink.events.map(\.outcome) == [.success, .success, .failure, .cancelled, .success])
        #expect(sink.events.allSatisfy { $0.family == .rpa && $0.unit == .items })
        // "1,250" is 1,250 items; Excel's 2024/4/2 9:00 is 09:00 JST; machine time is end − start.
        #expect(sink.events.map(\.quantity).prefix(3) == [1_250, 30, 0])
        #expect(sink.events.map(\.machineSeconds) == [1_200, 300, 60, nil, 1_403])
        #expect(sink.events.map(\.epoch).prefix(2) == [Self.midnight + 9 * 3600, Self.midnight + 86_400 + 9 * 3600])
        // The last row names no department: the source's own is used.
        #expect(sink.events.map(\.department) == ["子育て支援課", "子育て支援課", "子育て支援課", "子育て支援課", "情報政策課"])
        #expect(sink.events.last?.taskName == "開閉栓受付入力")
    }

    @Test func bizRoboFixture() throws {
        let (summary, sink) = try Self.parse(path: try Self.fixture.path, options: Self.bizRobo)
        Self.checkBizRoboRuns(summary, sink)
    }

    @Test(arguments: FileVariant.allCases)
    func bizRoboInEveryEncoding(variant: FileVariant) throws {
        let text = try String(contentsOf: try Self.fixture, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let (summary, sink) = try Self.parse(variant.encode(lines, finalNewline: false), options: Self.bizRobo)
        Self.checkBizRoboRuns(summary, sink)
    }

    @Test func endAndDurationLocateARunWithoutAStart() throws {
        // Blue Prism sessions: status 4 Completed, 2 Terminated, 3 Stopped.
        let options = SourceOptions(
            columns: ["task": "Process", "end": "EndTime", "duration": "Seconds", "status": "Status"],
            values: ["success": ["4"], "failure": ["2"], "cancelled": ["3"]])
        let lines = [
            "Process,EndTime,Seconds,Status",
            "給与_年末調整,2024-04-01T10:00:00+09:00,600,4", //     started 09:50 JST
            "給与_年末調整,2024-04-01T11:00:00+09:00,,4", //        no duration: no start
            "給与_年末調整,2024-04-01T12:00:00+09:00,60,2",
            "給与_年末調整,2024-04-01T13:00:00+09:00,5,3",
            "給与_年末調整,,5,3", //                               no end: no start
        ]
        let (summary, sink) = try Self.parse(FileVariant.utf8CRLF.encode(lines), options: options)
        #expect(summary.recordsRead == 5)
        #expect(sink.rejectedLines == [3, 6])
        // Each names the cell that is empty (helper-85: the empty duration was said to be the end).
        #expect(sink.rejections.map(\.reason) == ["no start time: column Seconds is empty", "no start time: column EndTime is empty"])
        #expect(sink.events.map(\.outcome) == [.success, .failure, .cancelled])
        #expect(sink.events.map(\.epoch) == [Self.midnight + 9 * 3600 + 50 * 60, Self.midnight + 12 * 3600 - 60, Self.midnight + 13 * 3600 - 5])
        #expect(sink.events.map(\.machineSeconds) == [600, 60, 5])
        // Without an items column the unit is the run.
        #expect(sink.events.allSatisfy { $0.unit == .runs && $0.quantity == 1 && $0.department == nil })
    }

    @Test func withoutAStatusColumnEveryRowIsASuccess() throws {
        let options = SourceOptions(columns: ["task": "script", "start": "started"])
        let lines = ["script,started", "nightly_import.ps1,2024-04-01 02:00", "nightly_export.ps1,2024-04-01 03:00"]
        let (_, sink) = try Self.parse(FileVariant.utf8LF.encode(lines), options: options)
        #expect(sink.events.map(\.outcome) == [.success, .success])
        #expect(sink.events.map(\.taskName) == ["nightly_import.ps1", "nightly_export.ps1"])
        #expect(sink.events.map(\.machineSeconds) == [nil, nil])
    }

    @Test func aHeaderWithoutAMappedColumnIsRejectedWhole() throws {
        let lines = ["ロボット名,担当課,開始日時,終了日時,処理件数", "児童手当_現況確認,子育て支援課,2024/04/01 09:00:00,,1"]
        let error = #expect(throws: FormatMismatch.self) { try Self.parse(FileVariant.shiftJISCRLF.encode(lines), options: Self.bizRobo) }
        #expect(error?.reason.contains("結果") == true)
    }

    // A mapping that locates runs by end and duration needs both columns: a file without them is another export.
    @Test func aHeaderWithoutTheMappedEndAndDurationIsRejectedWhole() throws {
        let options = SourceOptions(
            columns: ["task": "Process", "end": "EndTime", "duration": "Seconds", "status": "Status"],
            values: ["success": ["4"], "failure": ["2"], "cancelled": ["3"]])
        let lines = ["Process,Status,Started", "給与_年末調整,4,2024-04-01T10:00:00+09:00", "給与_年末調整,4,2024-04-02T10:00:00+09:00"]
        #expect(throws: FormatMismatch.self) { try Self.parse(FileVariant.utf8CRLF.encode(lines), options: options) }
    }

    @Test func mappingsThatCannotWorkAreRefusedUpFront() {
        // No task column.
        #expect(throws: MappingError.self) { try RobotCSVParser(options: SourceOptions(columns: ["start": "s"])) }
        // Neither a start nor an end with a duration.
        #expect(throws: MappingError.self) { try RobotCSVParser(options: SourceOptions(columns: ["task": "t", "end": "e"])) }
        // A status column but no success values.
        #expect(throws: MappingError.self) {
            try RobotCSVParser(options: SourceOptions(columns: ["task": "t", "start": "s", "status": "st"], values: ["failure": ["NG"]]))
        }
        // A role that does not exist.
        #expect(throws: MappingError.self) { try RobotCSVParser(options: SourceOptions(columns: ["task": "t", "start": "s", "robot": "r"])) }
        #expect(throws: Never.self) { try RobotCSVParser(options: SourceOptions(columns: ["task": "t", "end": "e", "duration": "d"])) }
    }
}
