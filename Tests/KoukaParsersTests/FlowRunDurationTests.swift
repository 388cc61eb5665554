import Foundation
import Kouka
import Testing

/// A cloud flow run's `duration` is read as seconds and checked against its end less its start: within 2 s
/// or 1 % the run counts with end less start; beyond, the row is rejected with both values, never one chosen
/// quietly (a duration in milliseconds is a thousand times off). Without an end, the duration is the time.
struct FlowRunDurationTests {
    /// (end after start in seconds, duration as written, the machine seconds counted or nil when rejected)
    static let cases: [(span: Int, duration: String, machine: Double?)] = [
        (120, "122", 120), (120, "118", 120), (120, "122.5", nil), (120, "117", nil),
        (1000, "1010", 1000), (1000, "990", 1000), (1000, "1010.5", nil),
        (120, "120000", nil), (120, "", 120), (120, "abc", nil),
    ]

    static func end(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return String(format: "2024-05-01T%02d:%02d:%02dZ", h, m, s)
    }

    static func parse(_ name: String, _ text: String) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, Data(text.utf8))
        let sink = CollectingSink()
        _ = try PowerAutomateFlowRunParser().parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    static func check(_ sink: CollectingSink, _ expected: (span: Int, duration: String, machine: Double?)) {
        if let machine = expected.machine {
            #expect(sink.events.map(\.machineSeconds) == [machine], "\(expected)")
            #expect(sink.rejections.isEmpty, "\(expected)")
        } else {
            #expect(sink.events.isEmpty, "\(expected)")
            let reason = sink.rejections.first?.reason ?? ""
            #expect(sink.rejectedLines == [2], "\(expected)")
            #expect(reason.contains("duration \(expected.duration)"), "\(reason)")
            if Double(expected.duration) != nil { #expect(reason.contains("endtime − starttime \(expected.span) s disagree"), "\(reason)") }
        }
    }

    @Test(arguments: 0..<cases.count)
    func webAPIAnswer(index: Int) throws {
        let c = Self.cases[index]
        let duration = c.duration.isEmpty ? "null" : Double(c.duration) != nil ? c.duration : "\"\(c.duration)\""
        let json = """
            {"value":[
            {"name":"r1","workflowname":"住民税_通知書送付","starttime":"2024-05-01T00:00:00Z","endtime":"\(Self.end(c.span))","duration":\(duration),"status":"Succeeded","parentrunid":null}
            ]}
            """
        Self.check(try Self.parse("flowruns.json", json), c)
    }

    @Test(arguments: 0..<cases.count)
    func makerPortalCSV(index: Int) throws {
        let c = Self.cases[index]
        let csv = "Name,Workflow name,Start time,End time,Status,Parent run id,Duration\nr1,住民税_通知書送付,2024-05-01T00:00:00Z,\(Self.end(c.span)),Succeeded,,\(c.duration)\n"
        Self.check(try Self.parse("flowruns.csv", csv), c)
    }

    @Test func withoutAnEndTheDurationIsTheRunsTime() throws {
        let json = #"{"value":[{"name":"r1","workflowname":"A","starttime":"2024-05-01T00:00:00Z","endtime":null,"duration":45,"status":"Succeeded","parentrunid":null}]}"#
        #expect(try Self.parse("flowruns.json", json).events.map(\.machineSeconds) == [45])
    }
}
