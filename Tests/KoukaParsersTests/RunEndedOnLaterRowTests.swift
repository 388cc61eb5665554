import Foundation
import Kouka
import Testing

/// One export appended to another: a WinActor task still PROCESSING, past the allowed age, in the first part, and
/// FINISHED in the second. The run counts once, at the row that gives its end, as the success it was; the earlier
/// row is quarantined as the same run.
struct RunEndedOnLaterRowTests {
    typealias Export = WinActorTaskCSVParserTests

    static func parse(_ lines: [String], splitBytes: Int64 = 8 << 20) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", FileVariant.shiftJISCRLF.encode(lines))
        let sink = CollectingSink()
        _ = try WinActorTaskCSVParser(splitBytes: splitBytes).parse(path: path, context: tokyoContext(path, pendingMaxAge: 24 * 3600), into: sink)
        return sink
    }

    /// Read in one piece and in two halves (a large export): the same result.
    @Test(arguments: [8 << 20, 1] as [Int64])
    func theRowThatEndsTheRunCounts(splitBytes: Int64) throws {
        let sink = try Self.parse([
            Export.header,
            Export.task(1, "FINISH", start: "2024/04/01 09:00:00", end: "2024/04/01 09:10:00"),
            Export.task(3, "PROCESSING", start: "2024/04/03 09:00:00"),
            Export.task(1, "FINISH", start: "2024/04/01 09:00:00", end: "2024/04/01 09:10:00"),
            Export.task(3, "FINISH", start: "2024/04/03 09:00:00", end: "2024/04/03 09:20:00"),
        ], splitBytes: splitBytes)
        #expect(sink.events.map(\.outcome) == [.success, .success])
        #expect(sink.events.map(\.source.line) == [2, 5])
        #expect(sink.events.map(\.machineSeconds) == [600, 1_200])
        #expect(sink.rejections.map(\.line) == [3, 4])
        #expect(sink.rejections.filter { $0.isRepeatedRun }.count == 2)
        #expect(sink.rejections.first?.reason == "タスクID is the same run as line 5, which gives its end: counted once, there")
    }

    /// Orchestrator answers appended on one line (`jq -c`, a compact `{"value":[…]}`): the records share line 1, and the
    /// one that ends the run still counts.
    @Test func aCompactJSONAnswerCountsTheRecordThatEndsTheRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        func job(_ key: String, _ state: String, _ day: Int, ended: Bool) -> String {
            let end = ended ? "\"2024-05-0\(day)T00:10:00Z\"" : "null"
            return #"{"Key":"\#(key)","ReleaseName":"住民税_課税資料取込","State":"\#(state)","StartTime":"2024-05-0\#(day)T00:00:00Z","EndTime":\#(end)}"#
        }
        let line = "{\"value\":[" + [job("t1", "Successful", 1, ended: true), job("t3", "Running", 3, ended: false), job("t3", "Successful", 3, ended: true),
                                     job("t5", "Successful", 5, ended: true)].joined(separator: ",") + "]}"
        let path = try dir.write("jobs.json", Data(line.utf8))
        let sink = CollectingSink()
        _ = try UiPathOrchestratorParser().parse(path: path, context: tokyoContext(path, pendingMaxAge: 24 * 3600), into: sink)
        #expect(sink.events.map(\.outcome) == [.success, .success, .success])
        #expect(sink.rejections.map(\.reason) == ["Key is the same run as line 1, which gives its end: counted once, there"])
    }

    /// Unfinished in both rows: the first counts, as before.
    @Test func twoUnfinishedRowsCountTheFirst() throws {
        let sink = try Self.parse([
            Export.header,
            Export.task(3, "PROCESSING", start: "2024/04/03 09:00:00"),
            Export.task(3, "PROCESSING", start: "2024/04/03 09:00:00"),
        ])
        #expect(sink.events.map(\.outcome) == [.unfinished])
        #expect(sink.events.map(\.source.line) == [2])
        #expect(sink.rejections.map(\.reason) == ["タスクID repeats an earlier row: line 2, the same run, counted once"])
    }
}
