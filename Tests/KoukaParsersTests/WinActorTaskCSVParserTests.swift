import Foundation
import Kouka
import Testing

/// `WinActorTaskCSVParser`: WinActor Manager on Cloud's task history (`GET /tasks/csv`), MS932 and CRLF
/// by default, with the header FORMATS.md gives.
struct WinActorTaskCSVParserTests {
    /// The header, exactly as FORMATS.md gives it (note the full-width parentheses of 実行時間（秒）).
    static let header = "タスクID,名前,シナリオID,シナリオ名,状態,タスク確認状態,データ一覧ファイルID,データ一覧ファイル名,アーカイブ,ログ,異常発生時,メール送信,メール送信日時,アーカイブファイルID,生成日時,開始日時,終了日時,更新日時,実行時間（秒）,実行予定WinActorID,実行予定WinActor名,WinActorID,WinActor名,スケジュールID,スケジュール名,実行予定日時,エラー,エラーコード,スケジュール登録者,リトライカウント,個別ステージID"
    static let columns = header.split(separator: ",").map(String.init)

    /// One task row: the given columns set, every other one empty; values with a comma, quote or newline quoted.
    static func row(_ values: [String: String]) -> String {
        precondition(Set(values.keys).isSubset(of: columns), "unknown column in \(values.keys)")
        return columns.map { name in
            let value = values[name] ?? ""
            return value.contains(where: { ",\"\n".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    static func task(_ id: Int, _ state: String, scenario: String = "住民票_表示ソフト連携", start: String = "2024/04/01 09:00:00",
                     end: String = "", seconds: String = "", extra: [String: String] = [:]) -> String {
        var values = ["タスクID": "\(id)", "名前": "タスク\(id)", "シナリオID": "501", "シナリオ名": scenario, "状態": state,
                      "生成日時": "2024/03/29 17:00:00", "開始日時": start, "終了日時": end, "実行時間（秒）": seconds,
                      "WinActor名": "市民課PC-01"]
        values.merge(extra) { $1 }
        return row(values)
    }

    static func parse(_ lines: [String], variant: FileVariant = .shiftJISCRLF, name: String = "tasks.csv") throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, variant.encode(lines))
        let sink = CollectingSink()
        let summary = try WinActorTaskCSVParser().parse(path: path, context: tokyoContext(path), into: sink)
        return (summary, sink)
    }

    /// 2024-04-01 00:00 JST.
    static let midnight = 1_711_897_200.0

    @Test(arguments: FileVariant.allCases)
    func aFinishedTaskIsASuccessfulRun(variant: FileVariant) throws {
        let lines = [Self.header, Self.task(1, "FINISH", start: "2024/04/01 09:00:00", end: "2024/04/01 09:03:20", seconds: "200")]
        let (summary, sink) = try Self.parse(lines, variant: variant)
        #expect(summary == ParseSummary(recordsRead: 1, pendingRuns: 0))
        #expect(sink.rejections == [])
        let event = try #require(sink.events.first)
        #expect(event.family == .rpa)
        #expect(event.taskName == "住民票_表示ソフト連携")
        #expect(event.outcome == .success)
        #expect(event.quantity == 1 && event.unit == .runs)
        #expect(event.machineSeconds == 200)
        #expect(event.source == SourceLocation(file: "tasks.csv", line: 2))
        // 09:00 JST = 00:00Z.
        #expect(event.epoch == Self.midnight + 9 * 3600)
    }

    @Test(arguments: [("FINISH", Outcome.success), ("ERROR", .failure), ("HALT", .failure), ("CANCEL", .cancelled), ("finish", .success)])
    func finishedStates(state: String, outcome: Outcome) throws {
        let (summary, sink) = try Self.parse([Self.header, Self.task(7, state)])
        #expect(summary.pendingRuns == 0)
        #expect(sink.events.map(\.outcome) == [outcome])
    }

    @Test(arguments: ["WAITING", "PROCESSING", "CANCELING"])
    func unfinishedStatesCountNothingYet(state: String) throws {
        let (summary, sink) = try Self.parse([Self.header, Self.task(8, state, start: state == "WAITING" ? "" : "2024/04/01 09:00:00")])
        #expect(summary == ParseSummary(recordsRead: 1, pendingRuns: 1))
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.isEmpty)
    }

    /// A task that never started, waiting past the allowed age, is an unfinished run of its scheduled day (or the day it
    /// was created): it was rejected as having no 開始日時, a row of no day that cost no rework.
    @Test(arguments: ["WAITING", "PROCESSING", "CANCELING"])
    func aTaskThatNeverStartedAndWaitedTooLongIsUnfinishedOnItsScheduledDay(state: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", FileVariant.shiftJISCRLF.encode([
            Self.header,
            Self.task(1, state, start: "", extra: ["実行予定日時": "2024/04/02 10:00:00"]),
            Self.task(2, state, start: ""), // scheduled nowhere: its 生成日時, 2024-03-29 17:00
        ]))
        let sink = CollectingSink()
        let summary = try WinActorTaskCSVParser().parse(path: path, context: tokyoContext(path, pendingMaxAge: 24 * 3600), into: sink)
        #expect(summary == ParseSummary(recordsRead: 2, pendingRuns: 0))
        #expect(sink.rejections.isEmpty, "\(sink.rejections)")
        #expect(sink.events.map(\.outcome) == [.unfinished, .unfinished])
        #expect(sink.events.map(\.epoch) == [Self.midnight + 86_400 + 10 * 3600, Self.midnight - 3 * 86_400 + 17 * 3600])
    }

    @Test func aWholeNightsExport() throws {
        let lines = [
            Self.header,
            Self.task(1, "FINISH", end: "2024/04/01 09:03:20", seconds: "200"), //                         line 2
            // An error message over two lines (lines 3–4): the next row starts on line 5.
            Self.task(2, "ERROR", extra: ["エラー": "画面が見つかりません\n(表示ソフト, 「検索」ボタン)", "エラーコード": "E-102"]),
            Self.task(3, "UNKNOWN"), //                                                                     line 5: rejected
            Self.task(4, "HALT", start: "2024/04/01 10:00:00", end: "2024/04/01 10:00:45"), //             line 6
            Self.task(5, "CANCEL", start: "", extra: ["実行予定日時": "2024/04/02 10:00:00"]), //          line 7
            Self.task(6, "WAITING", start: ""), //                                                          line 8
            Self.task(7, "FINISH", start: "2024/13/01 09:00:00"), //                                       line 9: rejected
            Self.task(8, "FINISH", start: ""), //                                                           line 10: rejected
            Self.task(9, "FINISH", scenario: ""), //                                                        line 11: rejected
            Self.task(10, "FINISH", start: "2024/3/31 23:50", seconds: "1,200"), //                        line 12
            "",
            Self.task(11, "FINISH", seconds: "-5"), //                                                      line 14: rejected
        ]
        let (summary, sink) = try Self.parse(lines)
        #expect(summary == ParseSummary(recordsRead: 11, pendingRuns: 1))
        try #require(sink.rejectedLines == [5, 9, 10, 11, 14])
        #expect(sink.rejections.allSatisfy { $0.file == "tasks.csv" })
        #expect(sink.rejections[0].reason.contains("UNKNOWN"))
        try #require(sink.events.map(\.source.line) == [2, 3, 6, 7, 12])
        #expect(sink.events.map(\.outcome) == [.success, .failure, .failure, .cancelled, .success])
        // Task 4 has no 実行時間（秒）: its machine time is 終了 − 開始 = 45 s. Task 10 wrote 1,200 with a comma.
        #expect(sink.events.map(\.machineSeconds) == [200, nil, 45, nil, 1_200])
        // Task 5 was cancelled before it started: it happened on its scheduled day, 2024-04-02 10:00 JST.
        #expect(sink.events[3].epoch == Self.midnight + 86_400 + 10 * 3600)
        // Task 10 started 23:50 JST on March 31, as Excel writes it back (2024/3/31 23:50): FY2023.
        #expect(sink.events[4].epoch == Self.midnight - 600)
        #expect(FiscalYear(containing: LocalClock.tokyo.localDate(of: sink.events[4].occurredAt)) == FiscalYear(2023))
    }

    @Test func aHalfWidthDurationColumnIsTheSameColumn() throws {
        let header = Self.header.replacingOccurrences(of: "実行時間（秒）", with: "実行時間(秒)")
        let (_, sink) = try Self.parse([header, Self.task(1, "FINISH", seconds: "42")])
        #expect(sink.events.map(\.machineSeconds) == [42])
    }

    @Test func aFileWithAnotherHeaderIsRejectedWhole() throws {
        let flowSessions = ["flowsessionid,name,startedon,completedon,statuscode", "1,flow,2024-04-01T00:00:00Z,,4"]
        let error = #expect(throws: FormatMismatch.self) { try Self.parse(flowSessions) }
        #expect(error?.format == "winactor-task-csv")
        #expect(error?.reason.contains("シナリオ名") == true)
        // An empty file has no header at all.
        #expect(throws: FormatMismatch.self) { try Self.parse([]) }
    }
}
