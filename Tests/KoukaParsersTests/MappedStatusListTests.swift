import Foundation
import Kouka
import Testing

/// Issue 13 item 4: in every mapped format, a status (or answered / escalated) value in none of the
/// configured lists is rejected, never counted as a success.
@Suite struct MappedStatusListTests {
    static func parse(_ parser: any LogParser, _ lines: [String]) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("log.csv", Data((lines.joined(separator: "\n") + "\n").utf8))
        let sink = CollectingSink()
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    static let aiOCRColumns = ["time": "読取日時", "form": "帳票名", "sheets": "読取枚数", "status": "状態"]
    static let minutesColumns = ["meeting": "会議名", "time": "開催日時", "audio_minutes": "音声時間（分）", "status": "状態"]

    /// The case: a status column mapped with a failure list only. 完了 / エラー / 取消 / 処理中 gave
    /// 3 successes; every mapped format now refuses the mapping before reading a row.
    @Test func aStatusColumnWithoutSuccessValuesIsAConfigurationError() {
        let failureOnly = ["failure": ["エラー"]]
        let error = #expect(throws: MappingError.self) { try AIOCRCSVParser(options: SourceOptions(columns: Self.aiOCRColumns, values: failureOnly)) }
        #expect(error?.message.contains("must list the success values") == true, "the message says what to add")
        #expect(throws: MappingError.self) { try MinutesSessionCSVParser(options: SourceOptions(columns: Self.minutesColumns, values: failureOnly)) }
        #expect(throws: MappingError.self) {
            try RobotCSVParser(options: SourceOptions(columns: ["task": "名前", "start": "開始", "status": "状態"], values: failureOnly))
        }
        // Without a status column no list is needed: every row is a success by the README's rule.
        #expect(throws: Never.self) {
            try AIOCRCSVParser(options: SourceOptions(columns: ["time": "読取日時", "form": "帳票名"]))
        }
    }

    /// With the success list: 完了 1 success, エラー 1 failure; 取消 and 処理中 are in no list: 2 rejections, 0
    /// further successes (the old code counted 取消 and 処理中 as successes: 3 in all).
    @Test func aStatusInNoListIsRejectedInAIOCRAndMinutes() throws {
        let values = ["success": ["完了"], "failure": ["エラー"]]
        let ocr = try Self.parse(try AIOCRCSVParser(options: SourceOptions(columns: Self.aiOCRColumns, values: values)), [
            "読取日時,帳票名,読取枚数,状態",
            "2024/04/01 09:00,申請書,2,完了", "2024/04/01 10:00,申請書,2,エラー",
            "2024/04/01 11:00,申請書,2,取消", "2024/04/01 12:00,申請書,2,処理中",
        ])
        #expect(ocr.events.map(\.outcome) == [.success, .failure])
        #expect(ocr.rejectedLines == [4, 5])
        #expect(ocr.rejections.allSatisfy { $0.reason.contains("in none of the [source.values] lists success, failure") })
        let minutes = try Self.parse(try MinutesSessionCSVParser(options: SourceOptions(columns: Self.minutesColumns, values: values)), [
            "会議名,開催日時,音声時間（分）,状態",
            "本会議,2024-06-03 10:00,60,完了", "本会議,2024-06-04 10:00,60,エラー",
            "本会議,2024-06-05 10:00,60,取消", "本会議,2024-06-06 10:00,60,処理中",
        ])
        #expect(minutes.events.map(\.outcome) == [.success, .failure])
        #expect(minutes.rejectedLines == [4, 5])
        // A minutes log holds what was said: the value is never quoted.
        #expect(minutes.rejections.allSatisfy { !$0.reason.contains("取消") && !$0.reason.contains("処理中") })
    }

    /// An empty status cell means nothing unless a list names "": rejected, or read as the list says.
    @Test func anEmptyStatusIsRejectedUnlessAListNamesIt() throws {
        let lines = ["名前,開始,状態", "申請受付,2024/04/01 09:00,OK", "申請受付,2024/04/01 10:00,"]
        let strict = try Self.parse(try RobotCSVParser(options: SourceOptions(
            columns: ["task": "名前", "start": "開始", "status": "状態"], values: ["success": ["OK"]])), lines)
        #expect(strict.events.count == 1)
        #expect(strict.rejectedLines == [3])
        #expect(strict.rejections.first?.reason.contains("is empty") == true)
        let listed = try Self.parse(try RobotCSVParser(options: SourceOptions(
            columns: ["task": "名前", "start": "開始", "status": "状態"], values: ["success": ["OK"], "failure": [""]])), lines)
        #expect(listed.events.map(\.outcome) == [.success, .failure])
    }

    /// A value listed twice would mean whichever list is tried first: the mapping is refused.
    @Test func aValueInTwoListsIsAConfigurationError() {
        #expect(throws: MappingError.self) {
            try RobotCSVParser(options: SourceOptions(columns: ["task": "名前", "start": "開始", "status": "状態"],
                                                      values: ["success": ["完了"], "failure": ["エラー", "完了"]]))
        }
        #expect(throws: MappingError.self) {
            try ChatbotCSVParser(options: SourceOptions(columns: ["time": "日時", "category": "カテゴリ", "answered": "回答状況"],
                                                        values: ["answered": ["回答済"], "unanswered": ["回答済"]]))
        }
    }

    static let chatbotColumns = ["time": "日時", "category": "カテゴリ", "answered": "回答状況", "escalated": "有人対応"]

    /// The chatbot's hand-off flag: あり escalated, なし not; "ある" (a spelling the lists lack) was taken for "no
    /// person took over", an answered inquiry. Now both meanings must be listed, and "ある" is rejected.
    @Test func aChatbotFlagInNeitherListIsRejected() throws {
        #expect(throws: MappingError.self) {
            try ChatbotCSVParser(options: SourceOptions(columns: Self.chatbotColumns,
                                                        values: ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"]]))
        }
        let parser = try ChatbotCSVParser(options: SourceOptions(
            columns: Self.chatbotColumns,
            values: ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"], "not_escalated": ["なし"]]))
        let sink = try Self.parse(parser, [
            "日時,カテゴリ,回答状況,有人対応",
            "2024/05/01 10:00,ごみ,回答済,なし", "2024/05/01 10:01,ごみ,回答済,あり",
            "2024/05/01 10:02,ごみ,回答済,ある", "2024/05/01 10:03,ごみ,,なし", "2024/05/01 10:04,ごみ,回答済,",
        ])
        // Line 2 answered by the bot; line 3 handed to a person; lines 4–6 in no list (the empty cells too).
        #expect(sink.events.map(\.outcome) == [.success, .failure])
        #expect(sink.rejectedLines == [4, 5, 6])
        #expect(sink.rejections.allSatisfy { !$0.reason.contains("ある") }, "a chatbot log's values are never quoted")
        // A vendor that leaves the flag empty for "no person" says so with "".
        let blank = try ChatbotCSVParser(options: SourceOptions(
            columns: Self.chatbotColumns,
            values: ["answered": ["回答済"], "unanswered": ["未回答", ""], "escalated": ["○"], "not_escalated": [""]]))
        let read = try Self.parse(blank, ["日時,カテゴリ,回答状況,有人対応", "2024/05/01 10:00,ごみ,回答済,", "2024/05/01 10:01,ごみ,,○"])
        #expect(read.events.map(\.outcome) == [.success, .failure])
        #expect(read.rejections.isEmpty)
    }

    /// translation-usage has no status role: every request that has a time and a count is a use, and a
    /// status column cannot be mapped at all (so none can be misread).
    @Test func translationUsageMapsNoStatus() {
        #expect(throws: MappingError.self) {
            try TranslationUsageParser(options: SourceOptions(columns: ["time": "日時", "characters": "文字数", "status": "状態"]))
        }
    }
}
