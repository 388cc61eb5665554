import Foundation
@testable import Kouka
import Testing

/// What citizens said must not be read as a figure or a name (helper-87): spoken text in a transcript that holds an arrow
/// is no cue's end time, and a conversation-log row short of its header's columns, which would put a question's second
/// half under its category (a task name, stored and printed), is refused without its values.
@Suite struct CitizensWordsOutOfPlaceTests {
    static func minutes(_ name: String, _ text: String) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, Data(text.utf8))
        let sink = CollectingSink()
        _ = try TranscriptParser(options: SourceOptions(task: "総務委員会")).parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    @Test func anArrowInWhatWasSaidIsNoCueEnd() throws {
        let vtt = try Self.minutes("2024-05-04_m.vtt", "WEBVTT\n\n00:00.000 --> 05:00.000\n工程表は 第1案 --> 99:99 に変更\n\n")
        let srt = try Self.minutes("2024-05-07_m.srt", "1\n00:00:00,000 --> 00:05:00,000\n開始時刻は 9:00 --> 10:30:00 に変更します\n\n")
        // 5 audio minutes each, not 100.65 and 630.
        #expect(vtt.events.map(\.quantity) == [5])
        #expect(srt.events.map(\.quantity) == [5])
    }

    /// A cue timed with a time that is none (`00:61.000`) is a damaged transcript: refused with its line, not passed over
    /// in silence with its minutes (helper-88). Words beside an arrow are still speech.
    @Test func aCueTimedWithNoValidTimeRefusesTheFile() throws {
        do {
            _ = try Self.minutes("2024-05-04_m.vtt", "WEBVTT\n\n00:00.000 --> 05:00.000\n開会\n\n00:61.000 --> 00:62.000\n閉会\n\n")
            Issue.record("a cue timed 00:61.000 was read")
        } catch let mismatch as FormatMismatch {
            #expect(mismatch.reason.contains("line 6: the cue's timing 00:61.000 --> 00:62.000 is not two valid times"), "\(mismatch.reason)")
        }
        let speech = try Self.minutes("2024-05-07_m.vtt", "WEBVTT\n\n00:00.000 --> 05:00.000\n10時 --> 11時に変更します\n\n")
        #expect(speech.events.map(\.quantity) == [5])
    }

    @Test func aClockTimeHasMinutesAndSecondsUnderSixty() {
        #expect(TranscriptParser.cueTime("99:99") == nil)
        #expect(TranscriptParser.cueTime("00:60.000") == nil)
        #expect(TranscriptParser.cueTime("01:02:03,500") == 3723.5)
        #expect(TranscriptParser.cueTime("05:00.000") == 300)
    }

    @Test func aConversationRowShortOfItsHeaderIsRefusedWithoutItsWords() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("c.csv", FileVariant.utf8CRLF.encode([
            "日時,セッションID,質問文,カテゴリ,回答状況,有人対応,評価",
            "2024/05/01 10:00:00,s1,粗大ごみ,ごみ,回答済,なし,5",
            // The question's unquoted comma and the empty rating left out: 6 fields, its second half under カテゴリ.
            "2024/05/01 10:01:00,s2,山田太郎です,090-1234-5678に電話ください,回答済,なし",
        ]))
        let sink = CollectingSink()
        _ = try ChatbotCSVParser(options: ChatbotParserTests.csvOptions).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.taskName) == ["ごみ"])
        #expect(sink.rejectedLines == [3])
        let reason = try #require(sink.rejections.first?.reason)
        #expect(reason.contains("6 fields where the header has 7"))
        #expect(!reason.contains("山田") && !reason.contains("090"))
    }
}
