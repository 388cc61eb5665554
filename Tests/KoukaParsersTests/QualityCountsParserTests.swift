import Foundation
import Kouka
import Testing

/// Each format's quality columns reach its events as counts, and only where the row gives them.
@Suite struct QualityCountsParserTests {
    @Test func anOCRJobKeepsItsFieldsReadAndCorrectedWhenTheRowGivesBoth() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("jobs.csv", Data("""
            読取日時,帳票名,読取枚数,読取項目数,修正項目数,状態
            2024/04/01 09:15,児童手当,12,144,6,完了
            2024/04/01 10:00,児童手当,7,,,完了
            2024/04/01 11:00,児童手当,2,24,30,完了
            2024/04/01 12:00,児童手当,3,36,0,エラー

            """.utf8))
        let options = SourceOptions(
            columns: ["time": "読取日時", "form": "帳票名", "sheets": "読取枚数", "fields": "読取項目数", "corrected": "修正項目数", "status": "状態"],
            values: ["success": ["完了"], "failure": ["エラー"]])
        let sink = CollectingSink()
        _ = try AIOCRCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quality) == [[.fieldsRead: 144, .fieldsCorrected: 6], [:], [.fieldsRead: 36, .fieldsCorrected: 0]],
                "an empty pair measured nothing: absent, not 0")
        #expect(sink.rejectedLines == [4], "30 corrected of 24 read is a wrong export, rejected")
    }

    @Test func anInquiryKeepsWhetherItWasAnsweredHandedOffAndRated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("c.csv", Data("""
            日時,カテゴリ,回答状況,有人対応,評価
            2024/05/01 10:00:00,ごみ,回答済,なし,4
            2024/05/01 10:01:00,ごみ,未回答,なし,
            2024/05/01 10:02:00,税金,回答済,あり,2
            2024/05/01 10:03:00,税金,回答済,なし,とても良い

            """.utf8))
        let options = SourceOptions(
            columns: ["time": "日時", "category": "カテゴリ", "answered": "回答状況", "escalated": "有人対応", "rating": "評価"],
            values: ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"], "not_escalated": ["なし"]])
        let sink = CollectingSink()
        _ = try ChatbotCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quality) == [
            [.answerMeasured: 1, .unanswered: 0, .escalationMeasured: 1, .escalated: 0, .ratingSum: 4, .ratingCount: 1],
            [.answerMeasured: 1, .unanswered: 1, .escalationMeasured: 1, .escalated: 0],
            [.answerMeasured: 1, .unanswered: 0, .escalationMeasured: 1, .escalated: 1, .ratingSum: 2, .ratingCount: 1],
            [.answerMeasured: 1, .unanswered: 0, .escalationMeasured: 1, .escalated: 0],
        ], "a rating that is no number leaves the row counted and out of the average")
        let noFlags = CollectingSink()
        _ = try ChatbotCSVParser(options: SourceOptions(columns: ["time": "日時", "category": "カテゴリ"])).parse(path: path, context: tokyoContext(path), into: noFlags)
        #expect(noFlags.events.allSatisfy { $0.quality.isEmpty }, "unmapped flags measured nothing: no answer rate of 100%")
    }

    @Test func aTranslationRequestKeepsItsLanguagePair() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("u.csv", Data("""
            日時,原文言語,訳文言語,文字数
            2024-05-01 10:00:00,ja,EN,"1,500"
            2024-05-02 10:00:00,ja,,800
            2024-05-03 10:00:00,日本語の原文です,en,700

            """.utf8))
        let options = SourceOptions(columns: ["time": "日時", "source_language": "原文言語", "target_language": "訳文言語", "characters": "文字数"])
        let sink = CollectingSink()
        _ = try TranslationUsageParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quality) == [[.pairCharacters("ja>en"): 1500], [:], [:]], "free text is no language: nothing of it kept")
        #expect(sink.events.count == 3, "the request still counts")
    }

    @Test func measuresKeepTheirStoredNames() {
        for measure: QualityMeasure in [.fieldsRead, .fieldsCorrected, .answerMeasured, .unanswered, .escalationMeasured, .escalated, .ratingSum,
                                        .ratingCount, .pairCharacters("ja>zh")] {
            #expect(QualityMeasure(storedName: measure.storedName) == measure)
        }
        #expect(QualityMeasure(storedName: "unknown") == nil)
    }
}
