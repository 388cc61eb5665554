import Foundation
import Kouka
import Testing

@Suite struct AIOCRParserTests {
    static let options = SourceOptions(
        columns: ["time": "読取日時", "form": "帳票名", "sheets": "読取枚数", "verification_minutes": "確認時間（分）", "status": "状態",
                  "department": "担当課"],
        values: ["success": ["完了"], "failure": ["エラー"]])

    @Test(arguments: FileVariant.allCases)
    func aReadingJobExportInEveryEncoding(_ variant: FileVariant) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("jobs.csv", variant.encode([
            "読取日時,帳票名,担当課,読取枚数,確認時間（分）,状態",
            "2024/04/01 09:15,児童手当認定請求書,子育て支援課,12,18.5,完了",
            "2024/04/01 10:00,固定資産税申告書,税務課,7,,完了",
            "2024/04/02 11:00,固定資産税申告書,税務課,3,,エラー",
            "2024/04/02 11:30,固定資産税申告書,税務課,三,,完了",
        ]))
        let sink = CollectingSink()
        let summary = try AIOCRCSVParser(options: Self.options).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(summary.recordsRead == 4)
        #expect(sink.events.map(\.taskName) == ["児童手当認定請求書", "固定資産税申告書", "固定資産税申告書"])
        #expect(sink.events.map(\.quantity) == [12, 7, 3])
        #expect(sink.events.map(\.unit) == [.sheets, .sheets, .sheets])
        #expect(sink.events.map(\.outcome) == [.success, .success, .failure])
        #expect(sink.events[0].humanSeconds == 18.5 * 60, "the measured checking time replaces the estimate")
        #expect(sink.events[1].humanSeconds == nil)
        #expect(sink.events[0].department == "子育て支援課")
        #expect(sink.events.allSatisfy { $0.family == .aiOCR })
        // 2024-04-01 09:15 JST = 00:15 UTC
        #expect(sink.events[0].epoch == 1_711_930_500)
        #expect(sink.rejectedLines == [5])
    }

    @Test func aMappingWithoutItsRequiredRolesIsRefused() {
        #expect(throws: MappingError.self) { try AIOCRCSVParser(options: SourceOptions(columns: ["form": "帳票名"])) }
        #expect(throws: MappingError.self) {
            try AIOCRCSVParser(options: SourceOptions(columns: ["form": "a", "time": "b", "pages": "c"]))
        }
    }

    @Test func anAnalyzeResultCountsItsPagesAsSheets() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = #"{"pageNumber": 1, "words": [{"content": "氏名", "polygon": [1, 2, 3]}], "lines": [{"content": "x"}]}"#
        let path = try dir.write("a.json", Data("""
            {"status": "succeeded", "createdDateTime": "2024-03-31T15:30:00Z", "lastUpdatedDateTime": "2024-03-31T15:30:08Z",
             "analyzeResult": {"apiVersion": "2024-11-30", "modelId": "jidouteate-v2", "content": "ignored",
               "pages": [\(page), \(page), \(page)], "tables": [{"cells": [{"content": "pages"}]}]}}
            """.utf8))
        let sink = CollectingSink()
        let summary = try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(summary.recordsRead == 1)
        #expect(sink.events.count == 1)
        #expect(sink.events.first?.taskName == "jidouteate-v2")
        #expect(sink.events.first?.quantity == 3)
        #expect(sink.events.first?.outcome == .success)
        // 15:30 UTC on March 31 is 00:30 on April 1 in Tokyo: the new fiscal year.
        #expect(LocalClock.tokyo.localDate(of: sink.events[0].occurredAt) == LocalDate(year: 2024, month: 4, day: 1))
    }

    /// An analysis takes seconds: one still running past the allowed age never finished, and is counted unfinished (with
    /// the source's task: a running result names no form type) or rejected with the reason, never held for ever.
    @Test func anAnalysisRunningPastTheAllowedAgeIsUnfinishedNotHeld() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let day = LocalDate(year: 2024, month: 4, day: 5)
        let stuck = try dir.write("stuck.json", Data(#"{"status": "running", "createdDateTime": "2024-04-01T00:00:00Z", "lastUpdatedDateTime": "2024-04-01T00:00:05Z"}"#.utf8))
        let withTask = CollectingSink()
        let counted = try AzureAnalyzeResultParser(options: SourceOptions(task: "申請書OCR"))
            .parse(path: stuck, context: tokyoContext(stuck, today: day, pendingMaxAge: 24 * 3600), into: withTask)
        #expect(counted.pendingRuns == 0)
        #expect(withTask.events.map(\.outcome) == [.unfinished])
        #expect(withTask.events.map(\.taskName) == ["申請書OCR"])
        let withoutTask = CollectingSink()
        _ = try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: stuck, context: tokyoContext(stuck, today: day, pendingMaxAge: 24 * 3600), into: withoutTask)
        #expect(withoutTask.events.isEmpty)
        #expect(withoutTask.rejections.first?.reason.hasPrefix("status is running since 2024-04-01T00:00:05Z, past the allowed age") == true)
        // An update that does not read as a time leaves the creation, days old: unfinished too.
        let badUpdate = try dir.write("bad-update.json", Data(#"{"status": "running", "createdDateTime": "2024-04-01T00:00:00Z", "lastUpdatedDateTime": "soon"}"#.utf8))
        let fallback = CollectingSink()
        _ = try AzureAnalyzeResultParser(options: SourceOptions(task: "申請書OCR"))
            .parse(path: badUpdate, context: tokyoContext(badUpdate, today: day, pendingMaxAge: 24 * 3600), into: fallback)
        #expect(fallback.events.map(\.outcome) == [.unfinished])
        // Updated five hours before the night: still waiting.
        let recent = try dir.write("recent.json", Data(#"{"status": "running", "createdDateTime": "2024-04-01T00:00:00Z", "lastUpdatedDateTime": "2024-04-04T10:00:00Z"}"#.utf8))
        let waiting = CollectingSink()
        #expect(try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: recent, context: tokyoContext(recent, today: day, pendingMaxAge: 24 * 3600), into: waiting).pendingRuns == 1)
        #expect(waiting.events.isEmpty && waiting.rejections.isEmpty)
        // No time at all: nothing could tell it stuck.
        let timeless = try dir.write("timeless.json", Data(#"{"status": "notStarted"}"#.utf8))
        let refused = CollectingSink()
        _ = try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: timeless, context: tokyoContext(timeless, today: day, pendingMaxAge: 24 * 3600), into: refused)
        #expect(refused.rejections.count == 1)
    }

    @Test func aRunningAnalysisWaitsAndAnotherJSONIsNotAnAnalyzeResult() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let running = try dir.write("r.json", Data(#"{"status": "running", "createdDateTime": "2024-04-01T00:00:00Z"}"#.utf8))
        let sink = CollectingSink()
        #expect(try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: running, context: tokyoContext(running), into: sink).pendingRuns == 1)
        #expect(sink.events.isEmpty)
        let other = try dir.write("o.json", Data(#"{"value": [1, 2]}"#.utf8))
        #expect(throws: FormatMismatch.self) {
            try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: other, context: tokyoContext(other), into: sink)
        }
    }
}
