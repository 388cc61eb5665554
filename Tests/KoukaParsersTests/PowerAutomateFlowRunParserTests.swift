import Foundation
import Kouka
import Testing

/// `PowerAutomateFlowRunParser`: cloud flow runs from Dataverse's `flowrun` table, as the Web API answers
/// them and as the maker portal exports them. Times are UTC; the day is Tokyo's.
struct PowerAutomateFlowRunParserTests {
    /// The Web API's answer, and what each run must become:
    /// 1. Succeeded 2024-05-01T00:00:00Z (1,714,521,600), ended 00:02:00: 120 s (its `duration`, in seconds, agrees).
    /// 2. A child flow's run (parentrunid is run 1): part of its parent's run, not counted on its own.
    /// 3. Failed 01:00:00Z (1,714,525,200), 30 s. 4. Cancelled 02:00:00Z (1,714,528,800), no end.
    /// 5. Running: waits. 6. Run 1 again (an overlapping save): rejected, counted once. 7. Status Unknown: rejected.
    static let answer = """
        {"@odata.context":"https://city.crm7.dynamics.com/api/data/v9.2/$metadata#flowruns","value":[
        {"flowrunid":"f0000001-0000-0000-0000-000000000001","name":"08584710000000000001CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T00:00:00Z","endtime":"2024-05-01T00:02:00Z","duration":120,"status":"Succeeded","triggertype":"Scheduled","parentrunid":null},
        {"flowrunid":"f0000001-0000-0000-0000-000000000002","name":"08584710000000000002CU01","workflowname":"子フロー_PDF作成","workflowid":"w2","starttime":"2024-05-01T00:00:10Z","endtime":"2024-05-01T00:01:00Z","duration":50,"status":"Failed","triggertype":"Manual","parentrunid":"08584710000000000001CU01"},
        {"flowrunid":"f0000001-0000-0000-0000-000000000003","name":"08584710000000000003CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T01:00:00Z","endtime":"2024-05-01T01:00:30Z","duration":30,"status":"Failed","triggertype":"Automated","parentrunid":null},
        {"flowrunid":"f0000001-0000-0000-0000-000000000004","name":"08584710000000000004CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T02:00:00Z","endtime":null,"duration":null,"status":"Cancelled","triggertype":"Manual","parentrunid":null},
        {"flowrunid":"f0000001-0000-0000-0000-000000000005","name":"08584710000000000005CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T03:00:00Z","endtime":null,"duration":null,"status":"Running","triggertype":"Manual","parentrunid":null},
        {"flowrunid":"f0000001-0000-0000-0000-000000000001","name":"08584710000000000001CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T00:00:00Z","endtime":"2024-05-01T00:02:00Z","duration":120,"status":"Succeeded","triggertype":"Scheduled","parentrunid":null},
        {"flowrunid":"f0000001-0000-0000-0000-000000000007","name":"08584710000000000007CU01","workflowname":"住民税_通知書送付","workflowid":"w1","starttime":"2024-05-01T04:00:00Z","endtime":"2024-05-01T04:00:01Z","duration":1,"status":"Unknown","triggertype":"Manual","parentrunid":null}
        ]}
        """

    static func parse(_ name: String, _ text: String) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, Data(text.utf8))
        let sink = CollectingSink()
        return (try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: sink), sink)
    }

    static func check(_ sink: CollectingSink) {
        #expect(sink.events.map(\.taskName) == Array(repeating: "住民税_通知書送付", count: 3))
        #expect(sink.events.map(\.outcome) == [.success, .failure, .cancelled])
        #expect(sink.events.map(\.epoch) == [1_714_521_600, 1_714_525_200, 1_714_528_800])
        #expect(sink.events.map(\.machineSeconds) == [120, 30, nil])
        #expect(sink.events.allSatisfy { $0.family == .rpa && $0.unit == .runs && $0.quantity == 1 })
    }

    @Test func webAPIAnswer() throws {
        let (summary, sink) = try Self.parse("flowruns.json", Self.answer)
        #expect(summary == ParseSummary(recordsRead: 7, pendingRuns: 1))
        Self.check(sink)
        #expect(sink.events.map(\.source.line) == [2, 4, 5])
        #expect(sink.rejectedLines == [7, 8])
        #expect(sink.rejections.first?.reason.contains("name repeats an earlier row: line 2") == true)
    }

    /// The maker portal's export names the columns by their display names.
    @Test func makerPortalCSV() throws {
        let csv = """
            Name,Workflow name,Start time,End time,Status,Trigger type,Parent run id,Duration
            08584710000000000001CU01,住民税_通知書送付,2024-05-01T00:00:00Z,2024-05-01T00:02:00Z,Succeeded,Scheduled,,120
            08584710000000000002CU01,子フロー_PDF作成,2024-05-01T00:00:10Z,2024-05-01T00:01:00Z,Failed,Manual,08584710000000000001CU01,50
            08584710000000000003CU01,住民税_通知書送付,2024-05-01T01:00:00Z,2024-05-01T01:00:30Z,Failed,Automated,,30
            08584710000000000004CU01,住民税_通知書送付,2024-05-01T02:00:00Z,,Cancelled,Manual,,

            """
        let (summary, sink) = try Self.parse("flowruns.csv", csv)
        #expect(summary == ParseSummary(recordsRead: 4, pendingRuns: 0))
        Self.check(sink)
        #expect(sink.rejections.isEmpty)
    }

    /// A row rejected because another field is not valid text keeps the day its start time gives: the report counts
    /// it among that year's rejected rows, not among those of no known date.
    @Test func aRowRejectedForAnotherFieldKeepsItsDay() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let head = Data("Name,Workflow name,Start time,End time,Status,Trigger type,Parent run id,Duration\n08584710000000000001CU01,".utf8)
        let tail = Data(",2024-05-01T00:00:00Z,2024-05-01T00:02:00Z,Succeeded,Scheduled,,120\n".utf8)
        let path = try dir.write("flowruns.csv", head + Data([0x8A, 0xFF]) + tail)
        let sink = CollectingSink()
        _ = try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.day == LocalDate(year: 2024, month: 5, day: 1))
    }

    /// Without parentrunid a child run cannot be told from its parent: the file or record is refused.
    @Test func withoutParentRunIDNothingIsGuessed() throws {
        let csv = "name,workflowname,starttime,endtime,status\nr1,A,2024-05-01T00:00:00Z,2024-05-01T00:01:00Z,Succeeded\n"
        let error = try #require(throws: FormatMismatch.self) { try Self.parse("flowruns.csv", csv) }
        #expect(error.reason.contains("parentrunid"))
        let json = #"{"value":[{"name":"r1","workflowname":"A","starttime":"2024-05-01T00:00:00Z","status":"Succeeded"}]}"#
        let (_, sink) = try Self.parse("flowruns.json", json)
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.first?.reason.contains("parentrunid is absent") == true)
    }
}
