import Foundation
import Kouka
import Testing

@Suite struct TranslationParserTests {
    @Test func aUsageLogAsCSVAndAsJSONLinesGivesTheSameEvents() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let csv = try dir.write("u.csv", Data("""
            日時,所属,文字数,後編集（分）,原文
            2024-05-01 10:00:00,国際交流課,"1,500",12,秘密の原文
            2024-05-02 10:00:00,市民課,800,,秘密
            2024-05-03 10:00:00,市民課,-5,,秘密

            """.utf8))
        let jsonl = try dir.write("u.jsonl", Data("""
            {"at": "2024-05-01T10:00:00+09:00", "dept": "国際交流課", "chars": 1500, "post": 12, "text": "秘密の原文"}
            {"at": "2024-05-02T01:00:00Z", "dept": "市民課", "chars": "800", "text": "秘密"}
            {"at": "2024-05-03T01:00:00Z", "dept": "市民課", "chars": -5}

            """.utf8))
        let csvOptions = SourceOptions(columns: ["time": "日時", "department": "所属", "characters": "文字数", "post_edit_minutes": "後編集（分）"])
        let jsonOptions = SourceOptions(columns: ["time": "at", "department": "dept", "characters": "chars", "post_edit_minutes": "post"])
        let fromCSV = CollectingSink(), fromJSON = CollectingSink()
        _ = try TranslationUsageParser(options: csvOptions).parse(path: csv, context: tokyoContext(csv), into: fromCSV)
        _ = try TranslationUsageParser(options: jsonOptions).parse(path: jsonl, context: tokyoContext(jsonl), into: fromJSON)
        for sink in [fromCSV, fromJSON] {
            #expect(sink.events.map(\.quantity) == [1500, 800])
            #expect(sink.events.map(\.unit) == [.characters, .characters])
            #expect(sink.events.allSatisfy { !$0.cumulative }, "requests are uses: they add up")
            #expect(sink.events.map(\.humanSeconds) == [720, nil])
            #expect(sink.events.map(\.department) == ["国際交流課", "市民課"])
            #expect(sink.events.map(\.epoch) == [1_714_525_200, 1_714_611_600])
        }
        #expect(fromCSV.rejectedLines == [4])
        #expect(fromJSON.rejectedLines == [3])
        #expect(fromCSV.rejections.allSatisfy { !$0.reason.contains("-5") }, "values are withheld from reasons")
    }

    @Test func deepLSnapshotsKeepTheLatestCountOfEachPeriod() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("d.jsonl", Data("""
            {"character_count": 1000, "character_limit": 500000, "start_time": "2024-05-01T00:00:00Z", "end_time": "2024-06-01T00:00:00Z"}
            {"character_count": 4200, "character_limit": 500000, "start_time": "2024-05-01T00:00:00Z", "end_time": "2024-06-01T00:00:00Z"}
            {"character_count": 300, "character_limit": 500000, "start_time": "2024-06-01T00:00:00Z", "end_time": "2024-07-01T00:00:00Z"}
            {"character_count": 10}

            """.utf8))
        let sink = CollectingSink()
        let summary = try DeepLUsageParser(options: SourceOptions(task: "DeepL")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(summary.recordsRead == 4)
        #expect(sink.events.map(\.quantity) == [4200, 300])
        #expect(sink.events.map(\.taskName) == ["DeepL", "DeepL"])
        // Issue 13 item 7: running totals, so that reports keep a period's largest across files, not the sum.
        #expect(sink.events.allSatisfy { $0.cumulative })
        #expect(sink.rejectedLines == [4])
    }

    /// A `polled_on` is the day the snapshot was polled, as a file's dated name is; beside snapshots that give their period
    /// (`start_time`) in one file it is rejected, not added to the periods it falls in (1,200 + 2,000).
    @Test func aPolledDayBesideAPeriodIsRejectedNotAdded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("d.jsonl", Data("""
            {"character_count": 1200, "polled_on": "2024-05-10"}
            {"character_count": 2000, "start_time": "2024-05-10T03:00:00Z", "end_time": "2024-06-10T03:00:00Z"}

            """.utf8))
        let sink = CollectingSink()
        _ = try DeepLUsageParser(options: SourceOptions(task: "DeepL")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quantity) == [2_000])
        #expect(sink.rejectedLines == [1])
    }

    /// Snapshots dated by the day they were polled: of each day the count after the last fall within it, a running total
    /// of that day (`undatedPeriod`, resolved into periods by `RunningTotals`); a count falling within one day rejects the
    /// snapshots before it, whose period cannot be placed; one without a date beside them is rejected.
    @Test func snapshotsOfPolledDaysAreEachDaysRunningTotal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("d.jsonl", Data("""
            {"character_count": 1000, "polled_on": "2024-07-01"}
            {"character_count": 2500, "polled_on": "2024-07-01"}
            {"character_count": 4000, "polled_on": "2024-07-02T09:00:00+09:00"}
            {"character_count": 300, "polled_on": "2024-07-02T18:00:00+09:00"}
            {"character_count": 800, "polled_on": "2024-07-03"}
            {"character_count": 900}

            """.utf8))
        let sink = CollectingSink()
        _ = try DeepLUsageParser(options: SourceOptions(task: "DeepL")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quantity) == [2_500, 300, 800])
        #expect(sink.events.allSatisfy { $0.cumulative && $0.undatedPeriod })
        #expect(sink.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt).description } == ["2024-07-01", "2024-07-02", "2024-07-03"])
        #expect(sink.rejectedLines == [3, 6])
    }

    /// A `date` alone may be the period's start or the day polled, which give other figures: refused with the reason, never
    /// read either way (helper-128: read as a day, a monthly poller's two periods that did not fall counted as one).
    @Test func aDateAloneIsRefusedAsAmbiguous() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("d.jsonl", Data("""
            {"character_count": 4800, "date": "2024-07-01"}
            {"character_count": 8600, "date": "2024-08-01"}
            {"character_count": 500, "date": "2024-08-01", "start_time": "2024-08-01T00:00:00+09:00"}

            """.utf8))
        let sink = CollectingSink()
        _ = try DeepLUsageParser(options: SourceOptions(task: "DeepL")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.rejectedLines == [1, 2])
        #expect(sink.rejections.allSatisfy { $0.reason.contains("name it start_time for the period's start, or polled_on for the day polled") })
        #expect(sink.events.map(\.quantity) == [500], "a start_time beside a date gives the period")
    }
}
