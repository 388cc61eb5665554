import Foundation
import Kouka
import Testing

/// A saved OData answer that is one page of several is refused, not counted as the whole (helper-88's
/// odata-page-counted-as-whole.sh: a Dataverse answer with `@odata.nextLink`, an Orchestrator answer whose `@odata.count`
/// is 5 with 2 jobs, both counted with no word).
struct ODataPageTests {
    static let sessions = #"""
        {"@odata.context":"https://contoso.crm7.dynamics.com/api/data/v9.2/$metadata#flowsessions","value":[
        {"flowsessionid":"s1","name":"口座振替","startedon":"2024-05-01T01:00:00Z","completedon":"2024-05-01T01:05:00Z","runduration":300,"statuscode":4},
        {"flowsessionid":"s2","name":"口座振替","startedon":"2024-05-02T01:00:00Z","completedon":"2024-05-02T01:05:00Z","runduration":300,"statuscode":4}
        ]NEXT}
        """#

    static func jobs(count: Int) -> String {
        #"""
        {"@odata.context":"https://cloud.uipath.com/org/t/orchestrator_/odata/$metadata#Jobs","@odata.count":COUNT,"value":[
        {"Key":"k1","ReleaseName":"国保資格確認","State":"Successful","StartTime":"2024-05-01T00:00:00Z","EndTime":"2024-05-01T00:10:00Z","CreationTime":"2024-05-01T00:00:00Z"},
        {"Key":"k2","ReleaseName":"国保資格確認","State":"Successful","StartTime":"2024-05-02T00:00:00Z","EndTime":"2024-05-02T00:10:00Z","CreationTime":"2024-05-02T00:00:00Z"}
        ]}
        """#.replacingOccurrences(of: "COUNT", with: "\(count)")
    }

    @Test func aDataversePageWithANextLinkIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let next = #","@odata.nextLink":"https://contoso.crm7.dynamics.com/api/data/v9.2/flowsessions?$skiptoken=2""#
        let paged = try dir.write("page1.json", Data(Self.sessions.replacingOccurrences(of: "NEXT", with: next).utf8))
        #expect(throws: FormatMismatch.self) { try PowerAutomateFlowSessionParser().parse(path: paged, context: tokyoContext(paged), into: CollectingSink()) }
        do {
            _ = try PowerAutomateFlowSessionParser().parse(path: paged, context: tokyoContext(paged), into: CollectingSink())
        } catch let mismatch as FormatMismatch {
            #expect(mismatch.reason.contains("@odata.nextLink"))
        }
        let last = try dir.write("page2.json", Data(Self.sessions.replacingOccurrences(of: "NEXT", with: "").utf8))
        let sink = CollectingSink()
        _ = try PowerAutomateFlowSessionParser().parse(path: last, context: tokyoContext(last), into: sink)
        #expect(sink.events.count == 2)
    }

    @Test func anOrchestratorAnswerHoldingFewerJobsThanItsCountIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = try dir.write("jobs.json", Data(Self.jobs(count: 5).utf8))
        #expect(throws: FormatMismatch.self) { try UiPathOrchestratorParser().parse(path: page, context: tokyoContext(page), into: CollectingSink()) }
        let whole = try dir.write("whole.json", Data(Self.jobs(count: 2).utf8))
        let sink = CollectingSink()
        _ = try UiPathOrchestratorParser().parse(path: whole, context: tokyoContext(whole), into: sink)
        #expect(sink.events.count == 2)
    }

    /// A night's answer appended to one file each night: each answer's count is held to its own jobs (helper-127: two answers
    /// of 2 jobs with a count of 2 each were refused; a first answer counting 10 and holding 2 passed beside another).
    @Test func answersAppendedToOneFileAreEachHeldToTheirOwnCount() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        func compact(_ count: Int, _ keys: [String]) -> String {
            Self.jobs(count: count).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\"k1\"", with: "\"\(keys[0])\"")
                .replacingOccurrences(of: "\"k2\"", with: "\"\(keys[1])\"")
        }
        let honest = try dir.write("nights.jsonl", Data((compact(2, ["a1", "a2"]) + "\n" + compact(2, ["b1", "b2"]) + "\n").utf8))
        let sink = CollectingSink()
        _ = try UiPathOrchestratorParser().parse(path: honest, context: tokyoContext(honest), into: sink)
        #expect(sink.events.count == 4)
        let short = try dir.write("short.jsonl", Data((compact(10, ["a1", "a2"]) + "\n" + compact(4, ["b1", "b2"]) + "\n").utf8))
        #expect(throws: FormatMismatch.self) { try UiPathOrchestratorParser().parse(path: short, context: tokyoContext(short), into: CollectingSink()) }
    }
}
