import Foundation
import Kouka
import Testing

/// A mapped AI tool's row whose status is in the `unfinished` list waits up to `pending_max_hours`, then counts as
/// unfinished with `run_id` mapped and is rejected with its line without (configuration.md): helper-74's
/// mapped_unfinished_never_counted.sh had an AI-OCR job shown 処理中 since May a pending run for ever, exit 0.
@Suite struct MappedStillRunningTests {
    static let values = ["success": ["完了"], "failure": ["エラー"], "unfinished": ["処理中"]]
    /// Read on 2024-05-10 at 00:00 in Tokyo, runs older than 48 hours never finished.
    static func context(_ path: String) -> ParseContext { tokyoContext(path, today: LocalDate(year: 2024, month: 5, day: 10), pendingMaxAge: 48 * 3600) }

    /// Row 2 started on 2024-05-01 (past the age), row 3 on 2024-05-09 (waiting), row 4 finished.
    static func check(_ parser: (SourceOptions) throws -> any LogParser, header: String, rows: [String], columns: [String: String],
                      file: String = "jobs.csv") throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(file, Data(([header] + rows).joined(separator: "\n").appending("\n").utf8))
        let withIDs = CollectingSink()
        let summary = try parser(SourceOptions(columns: columns, values: values)).parse(path: path, context: context(path), into: withIDs)
        #expect(withIDs.events.map(\.outcome) == [.unfinished, .success], "\(file)")
        #expect(summary.pendingRuns == 1, "\(file)")
        #expect(withIDs.rejectedLines.isEmpty, "\(file)")
        var withoutIDs = columns
        withoutIDs["run_id"] = nil
        let rejecting = CollectingSink()
        let without = try parser(SourceOptions(columns: withoutIDs, values: values)).parse(path: path, context: context(path), into: rejecting)
        #expect(rejecting.events.map(\.outcome) == [.success], "\(file)")
        #expect(rejecting.rejectedLines == [2], "\(file)")
        #expect(rejecting.rejections.first?.reason.contains("past pending_max_hours") == true, "\(file)")
        #expect(without.pendingRuns == 1, "\(file)")
    }

    @Test func anAIOCRJobStillRunningPastTheAgeIsUnfinished() throws {
        try Self.check({ try AIOCRCSVParser(options: $0) }, header: "id,読取日時,帳票名,読取枚数,状態",
                       rows: ["j1,2024/05/01 09:00,申請書,3,処理中", "j2,2024/05/09 12:00,申請書,2,処理中", "j3,2024/05/02 09:00,申請書,5,完了"],
                       columns: ["run_id": "id", "time": "読取日時", "form": "帳票名", "sheets": "読取枚数", "status": "状態"])
    }

    @Test func aMinutesSessionStillRunningPastTheAgeIsUnfinished() throws {
        try Self.check({ try MinutesSessionCSVParser(options: $0) }, header: "id,開催日時,会議名,音声分,状態",
                       rows: ["s1,2024-05-01 10:00,庁議,60,処理中", "s2,2024-05-09 12:00,庁議,30,処理中", "s3,2024-05-02 10:00,庁議,45,完了"],
                       columns: ["run_id": "id", "time": "開催日時", "meeting": "会議名", "audio_minutes": "音声分", "status": "状態"])
    }

    @Test func aTranslationStillRunningPastTheAgeIsUnfinishedInCSVAndInJSONLines() throws {
        let columns = ["run_id": "id", "time": "at", "characters": "chars", "status": "state"]
        try Self.check({ try TranslationUsageParser(options: $0) }, header: "id,at,chars,state",
                       rows: ["r1,2024-05-01T10:00:00+09:00,1200,処理中", "r2,2024-05-09T12:00:00+09:00,800,処理中", "r3,2024-05-02T10:00:00+09:00,500,完了"],
                       columns: columns)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lines = [("r1", "2024-05-01T10:00:00+09:00", "処理中"), ("r2", "2024-05-09T12:00:00+09:00", "処理中"), ("r3", "2024-05-02T10:00:00+09:00", "完了")]
            .map { #"{"id": "\#($0.0)", "at": "\#($0.1)", "chars": 100, "state": "\#($0.2)"}"# }.joined(separator: "\n") + "\n"
        let path = try dir.write("usage.jsonl", Data(lines.utf8))
        let sink = CollectingSink()
        let summary = try TranslationUsageParser(options: SourceOptions(columns: columns, values: Self.values)).parse(path: path, context: Self.context(path), into: sink)
        #expect(sink.events.map(\.outcome) == [.unfinished, .success])
        #expect(summary.pendingRuns == 1)
    }
}
