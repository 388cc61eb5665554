import Foundation
@testable import Kouka
import Testing

/// A JSON log cut off mid-object (a copy stopped half-way, a disk that filled up) is rejected at the line
/// of the cut — the line where the record that was cut began, else the file's last line — and what came
/// before the cut counts, in every JSON format. Each file here ends without a newline, where it was cut.
@Suite struct CutOffJSONTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込
        T02,住民票の郵送請求,市民課,rpa,runs,40,8,10,2020-04-01,住民票郵送請求
        M01,庁議の会議録,総務課,minutes,audio-minutes,4,1,0,2020-04-01,庁議
        C01,ごみの出し方,環境課,chatbot,inquiries,5,0,0,2020-04-01,ask_gomi|FAQ
        A01,児童手当認定請求書,子育て支援課,ai-ocr,sheets,3,1,0,2020-04-01,jidouteate-v2
        L01,文書の翻訳,国際交流課,translation,characters,30,10,0,2020-04-01,翻訳

        """

    func city(_ format: String, _ path: String, _ extra: String = "") throws -> TemporaryCity {
        try TemporaryCity(catalog: Self.catalog, sources: "[[source]]\nformat = \"\(format)\"\npath = \"\(path)\"\n\(extra)")
    }

    @Test func aWhisperTranscriptCutOffIsRejectedAtItsLastLineAndTheWholeOnesCount() throws {
        let city = try city("minutes-transcript", "logs/*.json", "task = \"庁議\"")
        defer { city.remove() }
        try city.write("logs/2024-05-01.json", #"{"text": "秘密", "segments": [{"id": 0, "start": 0.0, "end": 61.5, "text": "秘密"}]}"#)
        // The cut falls inside a segment, after its `end`: a transcript is one record, and its length unknown.
        try city.write("logs/2024-05-02.json", """
            {"text": "秘密", "segments": [
              {"id": 0, "start": 0.0, "end": 30.0, "text": "秘密"},
              {"id": 1, "start": 30.0, "end": 90.0, "text": "秘
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/2024-05-02.json", 3, "the Whisper JSON is cut off")], accepted: 1)
        #expect(summary.unmapped.isEmpty)
    }

    @Test func aRasaTrackerCutOffIsRejectedAtTheEventThatWasCutAndTheEventsBeforeCount() throws {
        let city = try city("rasa-tracker", "logs/*.json")
        defer { city.remove() }
        func user(_ t: Int) -> String {
            #"{"event": "user", "timestamp": \#(t), "text": "秘密", "parse_data": {"intent": {"name": "ask_gomi", "confidence": 0.95}}}"#
        }
        try city.write("logs/tracker.json", """
            {"sender_id": "abc", "events": [
              \(user(1714525200)),
              {"event": "bot", "timestamp": 1714525201, "text": "回答"},
              \(user(1714525300)),
              {"event": "user", "timestamp": 1714525400, "text": "秘
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/tracker.json", 5, "the tracker JSON is cut off; the events before the cut were counted")],
                              accepted: 2)
    }

    @Test func aBotFrameworkTranscriptCutOffIsRejectedAtTheActivityThatWasCutAndTheInquiriesBeforeCount() throws {
        let city = try city("bot-framework-transcript", "logs/*.transcript", "task = \"FAQ\"")
        defer { city.remove() }
        func activity(_ role: String, _ t: String) -> String {
            #"{"type": "message", "from": {"id": "x", "role": "\#(role)"}, "conversation": {"id": "c1"}, "text": "秘密", "timestamp": "\#(t)"}"#
        }
        try city.write("logs/c1.transcript", """
            [\(activity("user", "2024-05-01T01:00:00Z")),
             \(activity("bot", "2024-05-01T01:00:01Z")),
             \(activity("user", "2024-05-01T01:02:00Z")),
             {"type": "message", "from": {"id": "x", "role": "user"}, "conversation": {"id": "c1"}, "text": "秘
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/c1.transcript", 4, "the transcript JSON is cut off")], accepted: 2)
    }

    @Test func anAnalyzeResultCutOffInItsPagesIsRejectedAtThePageThatWasCut() throws {
        let city = try city("azure-document-intelligence", "logs/*.json")
        defer { city.remove() }
        let head = #"{"status": "succeeded", "createdDateTime": "2024-05-01T00:00:00Z", "analyzeResult": {"modelId": "jidouteate-v2", "pages": ["#
        try city.write("logs/a.json", head + #"{"pageNumber": 1}, {"pageNumber": 2}]}}"#)
        try city.write("logs/b.json", head + """

              {"pageNumber": 1, "words": [{"content": "氏名"}]},
              {"pageNumber": 2, "words": [{"content": "氏
            """)
        let summary = try city.nightly()
        // One document a file: the cut one is not counted at all, the whole one is.
        try expectQuarantined(city, summary, [.init("logs/b.json", 3, "the JSON is cut off here; the document is not counted")], accepted: 1)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.units == 2, "the two pages of a.json only")
    }

    @Test func aFlowSessionExportCutInsideARecordIsRejectedAtThatRecordAndTheRecordsBeforeCount() throws {
        let city = try city("power-automate-flowsession", "logs/*.json")
        defer { city.remove() }
        try city.write("logs/flows.json", """
            {"value": [
              {"flowsessionid": "f1", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "statuscode": 4},
              {"flowsessionid": "f2", "name": "住民税_課税資料取込", "startedon": "2024-05-02T00:00:00Z", "statuscode": 4},
              {"flowsessionid": "f3", "name": "住民税_課税資料取込", "startedon": "2024-05-03T
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/flows.json", 4, "the file ends inside this record (JSON cut off)")], accepted: 2)
    }

    @Test func aFlowSessionExportCutBetweenRecordsIsRejectedAtItsLastLineAndEveryRecordCounts() throws {
        let city = try city("power-automate-flowsession", "logs/*.json")
        defer { city.remove() }
        // The array is never closed: no record was cut, the file was.
        try city.write("logs/flows.json", """
            [{"flowsessionid": "f1", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "statuscode": 4},
             {"flowsessionid": "f2", "name": "住民税_課税資料取込", "startedon": "2024-05-02T00:00:00Z", "statuscode": 4},
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/flows.json", 2, "the JSON is cut off")], accepted: 2)
    }

    @Test func translationUsageJSONLinesCutOffAreRejectedAtTheCutLineAndTheLinesBeforeCount() throws {
        let city = try city("translation-usage", "logs/*.jsonl", """
            task = "翻訳"
            [source.columns]
            time = "at"
            characters = "chars"
            """)
        defer { city.remove() }
        try city.write("logs/usage.jsonl", """
            {"at": "2024-05-01T10:00:00+09:00", "chars": 1500, "text": "秘密"}
            {"at": "2024-05-02T10:00:00+09:00", "chars": 800, "text": "秘密"}
            {"at": "2024-05-03T10:00:00+09:00", "chars": 9
            """)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/usage.jsonl", 3, "the JSON is cut off here; the records before the cut were counted")],
                              accepted: 2)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.units == 2300)
    }

    /// Dataverse records saved one a line (`jq -c '.value[]'`, each opening with `@odata.etag`), a poller's write cut off at
    /// the end or in the middle (cut, then a later night's records appended): the whole records count, and the cut one is
    /// rejected with its line. Before, the file's every record was lost behind the one rejection (helper-131: 1.00 h shown 0 h).
    @Test(arguments: [false, true])
    func dataverseRecordsOneALineCutOffCountTheirWholeRecords(inTheMiddle: Bool) throws {
        let city = try city("power-automate-flowsession", "logs/*.jsonl")
        defer { city.remove() }
        func record(_ id: String, _ day: String) -> String {
            #"{"@odata.etag": "W/\"1\"", "flowsessionid": "\#(id)", "name": "住民税_課税資料取込", "startedon": "2024-05-\#(day)T00:00:00Z", "statuscode": 4}"#
        }
        let cut = #"{"@odata.etag": "W/\"1\"", "flowsessionid": "f9", "name": "住民税_課"#
        let lines = inTheMiddle ? [record("f1", "01"), cut, record("f2", "02"), record("f3", "03")] : [record("f1", "01"), record("f2", "02"), cut]
        try city.write("logs/flows.jsonl", lines.joined(separator: "\n"))
        let summary = try city.nightly()
        let reason = inTheMiddle ? "not a flowsession JSON object (not valid JSON)" : "the file ends inside this record (JSON cut off)"
        try expectQuarantined(city, summary, [.init("logs/flows.jsonl", inTheMiddle ? 2 : 3, reason)], accepted: inTheMiddle ? 3 : 2)
    }

    /// OData answers saved one after another, a night's answer each night, the second cut inside a record and the third
    /// appended after it: the third answer's runs count (helper-134: 5 runs shown 3).
    @Test func answersAppendedAfterACutAnswerCountTheirRecords() throws {
        let city = try city("power-automate-flowsession", "logs/*.json")
        defer { city.remove() }
        func record(_ id: String, _ day: String) -> String {
            #"{"flowsessionid": "\#(id)", "name": "住民税_課税資料取込", "startedon": "2024-05-\#(day)T00:00:00Z", "statuscode": 4}"#
        }
        let context = #"{"@odata.context": "https://org.crm7.dynamics.com/api/data/v9.2/$metadata#flowsessions", "value": ["#
        try city.write("logs/flows.json", [
            context + record("f1", "01") + "," + record("f2", "02") + "]}",
            context + record("f3", "03") + #",{"flowsessionid": "f4", "name": "住民税_課"#,
            context + record("f5", "05") + "," + record("f6", "06") + "]}",
        ].joined(separator: "\n") + "\n")
        let summary = try city.nightly()
        #expect(summary.rowsAccepted == 5, "\(summary.rejections)")
        #expect(summary.rowsRejected == 1, "\(summary.rejections)")
    }

    @Test func aUiPathLogWhoseLastLineWasCutOffRejectsThatLineOnce() throws {
        let city = try city("uipath-execution-log", "logs/*_Execution.log")
        defer { city.remove() }
        // Yesterday's log (closed): its half-written last line will never be finished.
        let lines = [IncrementalIngestTests.line("j1", "09:00:00"), IncrementalIngestTests.line("j1", "09:05:00", end: 300),
                     String(IncrementalIngestTests.line("j2", "10:00:00").prefix(60))]
        try city.write("logs/2024-05-01_Execution.log", lines.joined(separator: "\r\n"))
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/2024-05-01_Execution.log", 3, "last line is cut off (no newline, JSON incomplete)")],
                              accepted: 2)
        // The next night changes nothing: the cut line is not read, or rejected, again.
        let again = try city.nightly()
        #expect(again.filesUnchanged == 1)
        #expect(again.rowsRejected == 0)
        #expect(try city.store().rejections().count == 1)
    }
}
