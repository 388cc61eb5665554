import Foundation
@testable import Kouka
import Testing

/// Shapes the tools and their users save that were read wrong with every job exiting 0 (helper-127): Dataverse records
/// one a line (`jq -c '.value[]'`), which open with their own `@odata.etag`; several Document Intelligence results in one
/// file; a flow run whose `parentrunid` is the text `null`.
struct RecordsSavedTheWayToolsSaveThemTests {
    static func flowRun(_ id: Int, parent: String) -> String {
        #"{"@odata.etag":"W/\"1\"","name":"run\#(id)","workflowname":"住民税_通知書送付","starttime":"2024-05-0\#(id)T00:00:00Z","endtime":"2024-05-0\#(id)T00:02:00Z","duration":120,"status":"Succeeded","parentrunid":\#(parent)}"#
    }

    /// By hand: three top-level runs, three successes; read as answers with no `value`, none.
    @Test func dataverseRecordsOneALineAreRecords() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("flowruns.jsonl", Data(((1...3).map { Self.flowRun($0, parent: "null") }.joined(separator: "\n") + "\n").utf8))
        let sink = CollectingSink()
        let summary = try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: sink)
        #expect(summary.recordsRead == 3)
        #expect(sink.events.map(\.outcome) == [.success, .success, .success])
        #expect(sink.events.map(\.source.line) == [1, 2, 3])
    }

    /// A record saved with its answer's annotations beside it in one file is refused whole, not half read.
    @Test func answersAndRecordsInOneFileAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let answer = #"{"@odata.context":"x","value":[\#(Self.flowRun(1, parent: "null"))]}"#
        let path = try dir.write("mixed.jsonl", Data((answer + "\n" + Self.flowRun(2, parent: "null") + "\n").utf8))
        #expect(throws: FormatMismatch.self) { try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: CollectingSink()) }
    }

    /// `"parentrunid": "null"` (the text, as a CSV or a spreadsheet writes a null) names no parent: a top-level run, counted.
    @Test func aParentRunIDThatIsTheTextNullIsNoParent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("flowruns.json", Data(("[" + Self.flowRun(1, parent: #""null""#) + "," + Self.flowRun(2, parent: #""run1""#) + "]").utf8))
        let sink = CollectingSink()
        _ = try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.epoch) == [1_714_521_600], "run 1 counted; run 2, its child, is part of it")
    }

    /// Two results in one file were one use with their pages added up under the last's status and model (2 + 3 sheets of
    /// two forms counted 5 of the second): refused whole.
    @Test func severalAnalyzeResultsInOneFileAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        func result(_ model: String, pages: Int) -> String {
            #"{"status":"succeeded","createdDateTime":"2024-05-01T00:00:00Z","analyzeResult":{"modelId":"\#(model)","pages":[\#(Array(repeating: "{}", count: pages).joined(separator: ","))]}}"#
        }
        let path = try dir.write("results.jsonl", Data((result("A01", pages: 2) + "\n" + result("A02", pages: 3) + "\n").utf8))
        #expect(throws: FormatMismatch.self) { try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: path, context: tokyoContext(path), into: CollectingSink()) }
        let one = try dir.write("one.json", Data(result("A01", pages: 2).utf8))
        let sink = CollectingSink()
        _ = try AzureAnalyzeResultParser(options: SourceOptions()).parse(path: one, context: tokyoContext(one), into: sink)
        #expect(sink.events.map(\.quantity) == [2])
    }
}
