import Foundation
import Kouka
import Testing

/// Issue 13 item 6: a mapped format's optional `run_id` role makes the run-once rule apply (a run met
/// again in the file, or counted from another file, is left out as a repeat); without it, each row's task,
/// start and status are kept as its key, for the nightly job to flag identical rows of two files.
@Suite struct MappedRunIDTests {
    /// A sink that also keeps the run keys the parser counted.
    final class KeySink: RunKeySink {
        let inner = CollectingSink()
        var keys: [UInt64: Int] = [:]
        func accept(_ event: UsageEvent) { inner.accept(event) }
        func reject(_ rejection: Rejection) { inner.reject(rejection) }
        func keep(countedRuns runs: RunKeySet) { runs.forEachDistinct { keys[$0] = $1 } }
    }

    static let options = SourceOptions(
        columns: ["task": "ロボット名", "start": "開始日時", "status": "結果", "run_id": "実行ID"], values: ["success": ["正常終了"]])

    static func parse(_ lines: [String], options: SourceOptions = options, elsewhere: [UInt64: String] = [:]) throws -> KeySink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("runs.csv", Data((lines.joined(separator: "\n") + "\n").utf8))
        var context = tokyoContext(path)
        context.runsCountedElsewhere = elsewhere
        let sink = KeySink()
        _ = try RobotCSVParser(options: options).parse(path: path, context: context, into: sink)
        return sink
    }

    static let header = "ロボット名,開始日時,結果,実行ID"

    /// Rows r1, r2, r1 of 住民票: the third is the first run again (line 4), left out as a repeat. r1 of another
    /// robot is another run: run ids are read with their task. 3 runs counted, not 4.
    @Test func aRunIDRepeatedInTheFileCountsOnce() throws {
        let sink = try Self.parse([
            Self.header,
            "住民票,2024/04/01 09:00,正常終了,r1", "住民票,2024/04/01 10:00,正常終了,r2", "住民票,2024/04/01 09:00,正常終了,r1",
            "戸籍,2024/04/01 09:00,正常終了,r1",
        ])
        #expect(sink.inner.events.map(\.source.line) == [2, 3, 5])
        #expect(sink.inner.rejectedLines == [4])
        #expect(sink.inner.rejections.first?.isRepeatedRun == true)
        #expect(sink.inner.rejections.first?.reason.contains("実行ID repeats an earlier row: line 2") == true)
        #expect(sink.keys.count == 3)
        #expect(try RobotCSVParser(options: Self.options).logsRowKeys == false, "run ids, not row keys")
    }

    /// A second export overlapping the first: the runs the first file counts (their keys, handed to the
    /// nightly job) are left out of the second, which counts only its new run r3.
    @Test func aRunCountedInAnotherFileIsLeftOut() throws {
        let first = try Self.parse([Self.header, "住民票,2024/04/01 09:00,正常終了,r1", "住民票,2024/04/01 10:00,正常終了,r2"])
        let elsewhere = Dictionary(uniqueKeysWithValues: first.keys.keys.map { ($0, "april.csv") })
        let second = try Self.parse([Self.header, "住民票,2024/04/01 10:00,正常終了,r2", "住民票,2024/04/02 09:00,正常終了,r3"],
                                    elsewhere: elsewhere)
        #expect(second.inner.events.map(\.source.line) == [3])
        #expect(second.inner.rejectedLines == [2])
        #expect(second.inner.rejections.first?.reason.contains("already counted in another file: april.csv") == true)
        #expect(second.inner.rejections.first?.day == LocalDate(year: 2024, month: 4, day: 1))
    }

    /// Without a run id nothing proves two rows are one run: within a file both are counted, and each row's
    /// task, start and status is handed on as a row key (the same row twice gives one key, met twice).
    @Test func withoutARunIDRowsAreCountedAndKeyed() throws {
        let options = SourceOptions(columns: ["task": "ロボット名", "start": "開始日時", "status": "結果"], values: ["success": ["正常終了"]])
        #expect(try RobotCSVParser(options: options).logsRowKeys)
        let sink = try Self.parse(["ロボット名,開始日時,結果", "住民票,2024/04/01 09:00,正常終了", "住民票,2024/04/01 09:00,正常終了",
                                   "住民票,2024/04/01 10:00,正常終了"], options: options)
        #expect(sink.inner.events.count == 3)
        #expect(sink.inner.rejections.isEmpty)
        #expect(sink.keys.values.sorted() == [1, 2])
    }

    /// The role exists in every mapped format, JSON translation logs included.
    @Test func everyMappedFormatTakesARunID() throws {
        #expect(AIOCRCSVParser.roles.optional.contains("run_id"))
        #expect(MinutesSessionCSVParser.roles.optional.contains("run_id"))
        #expect(ChatbotCSVParser.roles.optional.contains("run_id"))
        #expect(TranslationUsageParser.roles.optional.contains("run_id"))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("t.jsonl", Data("""
            {"id": "a", "time": "2024-05-01T10:00:00+09:00", "chars": 1000}
            {"id": "b", "time": "2024-05-01T11:00:00+09:00", "chars": 2000}
            {"id": "a", "time": "2024-05-01T10:00:00+09:00", "chars": 1000}

            """.utf8))
        let sink = CollectingSink()
        let parser = try TranslationUsageParser(options: SourceOptions(columns: ["time": "time", "characters": "chars", "run_id": "id"]))
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        // 1,000 + 2,000 characters, the third line the first request again: 3,000, not 4,000.
        #expect(sink.events.reduce(0) { $0 + $1.quantity } == 3000)
        #expect(sink.rejectedLines == [3])
    }
}
