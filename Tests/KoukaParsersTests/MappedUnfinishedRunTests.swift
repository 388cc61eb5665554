import Foundation
import Kouka
import Testing

/// A mapped robot's run still 実行中 (the `unfinished` list) waits for its end up to pending_max_hours; past it, it
/// never finished: counted unfinished where run ids let a later export take it over, rejected where they do not.
@Suite struct MappedUnfinishedRunTests {
    static let lines = [
        "ロボット名,開始日時,結果,実行ID",
        "開閉栓受付入力,2024/05/01 09:00,正常終了,r1",
        "開閉栓受付入力,2024/05/03 09:00,実行中,r2",
    ]

    static func parse(runID: Bool, now: Date) throws -> (CollectingSink, ParseSummary) {
        var columns = ["task": "ロボット名", "start": "開始日時", "status": "結果"]
        if runID { columns["run_id"] = "実行ID" }
        let parser = try RobotCSVParser(options: SourceOptions(columns: columns, values: ["success": ["正常終了"], "unfinished": ["実行中"]]))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("runs.csv", Data((lines.joined(separator: "\n") + "\n").utf8))
        var context = tokyoContext(path, pendingMaxAge: 24 * 3600)
        context.now = now
        let sink = CollectingSink()
        let summary = try parser.parse(path: path, context: context, into: sink)
        return (sink, summary)
    }

    static let may3Evening = LocalClock.tokyo.instant(of: LocalDate(year: 2024, month: 5, day: 3), hour: 20, minute: 0, second: 0)
    static let may5 = LocalClock.tokyo.instant(of: LocalDate(year: 2024, month: 5, day: 5), hour: 2, minute: 0, second: 0)

    @Test func aRunStillRunningWithinPendingMaxHoursWaits() throws {
        let (sink, summary) = try Self.parse(runID: true, now: Self.may3Evening)
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(summary.pendingRuns == 1)
    }

    @Test func pastPendingMaxHoursItIsUnfinished() throws {
        let (sink, summary) = try Self.parse(runID: true, now: Self.may5)
        #expect(sink.events.map(\.outcome) == [.success, .unfinished])
        #expect(summary.pendingRuns == 0)
    }

    @Test func withoutRunIDsItIsRejectedNotWaitingForEver() throws {
        let (sink, summary) = try Self.parse(runID: false, now: Self.may5)
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(summary.pendingRuns == 0)
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("map run_id") == true)
    }
}
