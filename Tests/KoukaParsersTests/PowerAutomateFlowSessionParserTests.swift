import Foundation
import Kouka
import Testing

/// `PowerAutomateFlowSessionParser`: Dataverse `flowsession` rows exported as CSV, a JSON array,
/// `{"value":[…]}` or JSON lines. Times are UTC; the day is Tokyo's.
struct PowerAutomateFlowSessionParserTests {
    struct Run: Equatable, CustomStringConvertible {
        var name: String
        var outcome: Outcome
        var epoch: Double
        var machine: Double?
        var description: String { "\(name) \(outcome) @\(epoch) \(machine.map { "\($0) s" } ?? "-")" }
    }

    /// The five runs of Fixtures/flowsessions-value.json, and what each must become:
    /// 1. Succeeded (4) 2024-03-31T15:30:00Z = 1,711,899,000: 00:30 on April 1 in Tokyo, FY2024; 120 s.
    /// 2. Failed (8) 2024-03-31T14:59:59Z = 1,711,897,199: 23:59:59 on March 31 in Tokyo, FY2023; no
    ///    runduration, so completedon − startedon = 15:10:00 − 14:59:59 = 601 s.
    /// 3. Cancelled (7) with no startedon: completedon 2024-04-01T01:00:00Z (1,711,933,200) − 30 s.
    /// 4. Running (3): not finished, pending.
    /// 5. statuscode 99: no such status, rejected.
    static let expected = [
        Run(name: "住民税_特別徴収_表示", outcome: .success, epoch: 1_711_899_000, machine: 120),
        Run(name: "介護保険_資格確認", outcome: .failure, epoch: 1_711_897_199, machine: 601),
        Run(name: "国保_異動", outcome: .cancelled, epoch: 1_711_933_170, machine: 30),
    ]

    static let csvHeader = "flowsessionid,name,startedon,completedon,runduration,runexecutionduration,runwaitduration,runmode,statuscode,errorcode,errormessage"
    static let csvRows = [
        "0001,住民税_特別徴収_表示,2024-03-31T15:30:00Z,2024-03-31T15:32:00Z,120,118,2,2,4,,",
        "0002,介護保険_資格確認,2024-03-31T14:59:59Z,2024-03-31T15:10:00Z,,,,1,8,FlowFailed,\"要素が見つかりません: \"\"検索\"\", 表示ソフト\"",
        "0003,国保_異動,,2024-04-01T01:00:00Z,30,,,2,7,,",
        "0004,国保_異動,2024-04-01T02:00:00Z,,,,,2,3,,",
        "0005,国保_異動,2024-04-01T03:00:00Z,2024-04-01T03:00:10Z,10,,,2,99,,",
    ]

    static func parse(path: String, encoding: TextEncoding = .auto) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let sink = CollectingSink()
        let summary = try PowerAutomateFlowSessionParser().parse(path: path, context: tokyoContext(path, encoding: encoding), into: sink)
        return (summary, sink)
    }

    static func parse(_ name: String, _ data: Data) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try parse(path: try dir.write(name, data))
    }

    static func runs(_ sink: CollectingSink) -> [Run] {
        sink.events.map { Run(name: $0.taskName, outcome: $0.outcome, epoch: $0.epoch, machine: $0.machineSeconds) }
    }

    @Test(arguments: FileVariant.allCases)
    func csvExport(variant: FileVariant) throws {
        let (summary, sink) = try Self.parse("flowsessions.csv", variant.encode([Self.csvHeader] + Self.csvRows))
        #expect(summary == ParseSummary(recordsRead: 5, pendingRuns: 1))
        #expect(Self.runs(sink) == Self.expected)
        #expect(sink.events.map(\.source.line) == [2, 3, 4])
        #expect(sink.rejectedLines == [6])
        #expect(sink.events.allSatisfy { $0.family == .rpa && $0.unit == .runs && $0.quantity == 1 })
    }

    @Test func anEmptyStatusIsNamedAsEmpty() throws {
        let (_, sink) = try Self.parse("flowsessions.csv", FileVariant.utf8LF.encode([Self.csvHeader, "0006,国保_異動,2024-04-01T03:00:00Z,2024-04-01T03:00:10Z,10,,,2,,,"]))
        #expect(sink.rejections.map(\.reason) == ["statuscode is empty: Kouka cannot tell whether the run succeeded"])
    }

    @Test func utcTimesNearTheFiscalYearBoundaryFallOnTokyosDay() throws {
        let (_, sink) = try Self.parse("flowsessions.csv", FileVariant.utf8LF.encode([Self.csvHeader] + Self.csvRows))
        let days = sink.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) }
        #expect(days == [LocalDate(year: 2024, month: 4, day: 1), LocalDate(year: 2024, month: 3, day: 31), LocalDate(year: 2024, month: 4, day: 1)])
        #expect(days.map { FiscalYear(containing: $0) } == [FiscalYear(2024), FiscalYear(2023), FiscalYear(2024)])
    }

    @Test func dataverseValueWrapperFixture() throws {
        let url = try #require(Bundle.module.url(forResource: "flowsessions-value", withExtension: "json", subdirectory: "Fixtures"))
        let (summary, sink) = try Self.parse(path: url.path)
        #expect(summary == ParseSummary(recordsRead: 5, pendingRuns: 1))
        #expect(Self.runs(sink) == Self.expected)
        // Each record's line is the line its `{` is on; the wrapper's first line holds no record.
        #expect(sink.events.map(\.source.line) == [2, 3, 4])
        #expect(sink.rejectedLines == [6])
    }

    /// The same five runs as JSON objects, one a line.
    static let objects = [
        #"{"flowsessionid":"0001","name":"住民税_特別徴収_表示","startedon":"2024-03-31T15:30:00Z","completedon":"2024-03-31T15:32:00Z","runduration":120,"statuscode":4}"#,
        #"{"flowsessionid":"0002","name":"介護保険_資格確認","startedon":"2024-03-31T14:59:59Z","completedon":"2024-03-31T15:10:00Z","runduration":null,"statuscode":"Failed","errormessage":"} ] {"}"#,
        #"{"flowsessionid":"0003","name":"国保_異動","startedon":null,"completedon":"2024-04-01T01:00:00Z","runduration":30.0,"statuscode":"7"}"#,
        #"{"flowsessionid":"0004","name":"国保_異動","startedon":"2024-04-01T02:00:00Z","statuscode":3}"#,
        #"{"flowsessionid":"0005","name":"国保_異動","startedon":"2024-04-01T03:00:00Z","statuscode":99}"#,
    ]

    /// File name, text, lines of the events, lines of the rejections.
    static let jsonFiles: [(String, String, [Int], [Int])] = {
        let list: String = objects.joined(separator: ",\n")
        let compact: String = objects.joined(separator: ",")
        let lines: String = objects.joined(separator: "\n")
        let crlf: String = objects.joined(separator: "\r\n")
        return [
            ("array.json", "[\n" + list + "\n]\n", [2, 3, 4], [6]),
            ("compact.json", "[" + compact + "]", [1, 1, 1], [1]),
            ("lines.jsonl", lines + "\n", [1, 2, 3], [5]),
            ("lines-crlf.ndjson", crlf, [1, 2, 3], [5]),
            ("wrapped.json", #"{"@odata.context":"x","value":["# + "\n" + list + "\n]}", [2, 3, 4], [6]),
            // No extension: JSON is recognised by its first byte, after a BOM.
            ("export", "\u{FEFF}  \n[" + list + "]", [2, 3, 4], [6]),
        ]
    }()

    @Test(arguments: jsonFiles)
    func jsonShapes(name: String, text: String, eventLines: [Int], rejectedLines: [Int]) throws {
        let (summary, sink) = try Self.parse(name, Data(text.utf8))
        #expect(summary == ParseSummary(recordsRead: 5, pendingRuns: 1))
        #expect(Self.runs(sink) == Self.expected)
        #expect(sink.events.map(\.source.line) == eventLines)
        #expect(sink.rejectedLines == rejectedLines)
    }

    @Test func shiftJISJSONWithA5CTrailByteBeforeAQuote() throws {
        // 表 is 95 5C: read as bytes, the 5C would escape the closing quote of "介護認定_一覧表".
        let text = "[\n" + #"{"name":"介護認定_一覧表","startedon":"2024-04-01T00:00:00Z","runduration":5,"statuscode":4}"# + ",\n"
            + #"{"name":"ソ","startedon":"2024-04-01T00:01:00Z","runduration":6,"statuscode":4}"# + "\n]"
        let (summary, sink) = try Self.parse("sjis.json", try #require(text.data(using: .shiftJIS)))
        #expect(summary.recordsRead == 2)
        #expect(sink.rejections == [])
        #expect(sink.events.map(\.taskName) == ["介護認定_一覧表", "ソ"])
        #expect(sink.events.map(\.machineSeconds) == [5, 6])
    }

    @Test(arguments: [
        ("4", Outcome.success), ("Succeeded", .success), ("7", .cancelled), ("Cancelled", .cancelled),
        ("8", .failure), ("9", .failure), ("10", .failure), ("11", .failure), ("14", .failure), ("Failed", .failure),
        ("Faulted", .failure), ("TimedOut", .failure), ("Aborted", .failure), ("Terminated", .failure),
    ])
    func statusCodes(code: String, outcome: Outcome) throws {
        let lines = [Self.csvHeader, "x,フロー,2024-04-01T00:00:00Z,2024-04-01T00:00:09Z,9,,,2,\(code),,"]
        let (summary, sink) = try Self.parse("codes.csv", FileVariant.utf8LF.encode(lines))
        #expect(summary.pendingRuns == 0)
        #expect(sink.rejections == [])
        #expect(sink.events.map(\.outcome) == [outcome])
    }

    @Test func badValuesAreRejectedWithTheirLine() throws {
        let lines = [
            Self.csvHeader,
            "a,,2024-04-01T00:00:00Z,,5,,,2,4,,", //                    line 2: no flow name
            "b,フロー,,,5,,,2,4,,", //                                 line 3: neither time
            "c,フロー,2024-04-01 25:00,,5,,,2,4,,", //                 line 4: not a time
            "d,フロー,2024-04-01T00:00:00Z,,five,,,2,4,,", //          line 5: not seconds
            "e,フロー,2024-04-01T00:00:00Z,,5,,,2,,,", //              line 6: no status
            "f,フロー,2024-04-01T00:00:00Z,,5,,,2,4,,", //             line 7: fine
        ]
        let (summary, sink) = try Self.parse("bad.csv", FileVariant.utf8CRLF.encode(lines))
        #expect(summary.recordsRead == 6)
        #expect(sink.rejectedLines == [2, 3, 4, 5, 6])
        #expect(sink.events.map(\.source.line) == [7])
    }

    /// A field given as true, an object or an array is none of the string, number or null an export writes:
    /// its record is rejected, naming the field, never read as if the field were empty. A number with a
    /// fraction is read as one.
    @Test func aFieldOfAnotherJSONTypeRejectsItsRecord() throws {
        let text = "[\n" + [
            #"{"flowsessionid":"a","name":"フロー","startedon":"2024-04-01T00:00:00Z","runduration":5,"statuscode":true}"#,
            #"{"flowsessionid":"b","name":"フロー","startedon":"2024-04-01T00:00:00Z","runduration":{"s":5},"statuscode":4}"#,
            #"{"flowsessionid":"c","name":"フロー","startedon":"2024-04-01T00:00:00Z","runduration":5.5,"statuscode":4}"#,
        ].joined(separator: ",\n") + "\n]"
        let (summary, sink) = try Self.parse("typed.json", Data(text.utf8))
        #expect(summary.recordsRead == 3)
        #expect(sink.rejectedLines == [2, 3])
        #expect(sink.rejections.map(\.reason).allSatisfy { $0.contains("has another type") }, "\(sink.rejections.map(\.reason))")
        #expect(sink.rejections.first?.reason.contains("statuscode") == true)
        #expect(sink.rejections.last?.reason.contains("runduration") == true)
        #expect(sink.events.map(\.machineSeconds) == [5.5])
        // Each still dated by the times that read (startedon 2024-04-01 00:00 UTC is April 1 in Tokyo), so it counts in
        // the rejected rows of its own fiscal year, not among those whose date is unknown.
        #expect(sink.rejections.map(\.day) == [LocalDate(year: 2024, month: 4, day: 1), LocalDate(year: 2024, month: 4, day: 1)])
    }

    @Test func jsonCutOffMidObjectRejectsThatRecordOnly() throws {
        let text = "[\n" + Self.objects[0] + ",\n" + #"{"flowsessionid":"0002","name":"介護保険_資格確認","startedon":"2024-03-"#
        let (summary, sink) = try Self.parse("cut.json", Data(text.utf8))
        #expect(Self.runs(sink) == [Self.expected[0]])
        #expect(sink.rejectedLines == [3])
        #expect(sink.rejections.first?.reason.contains("cut off") == true)
        #expect(summary.recordsRead == 2)
    }

    @Test func aFileOfNoFlowSessionsAtAllIsRejectedWhole() throws {
        #expect(throws: FormatMismatch.self) { try Self.parse("notes.json", Data("just some text, no JSON\n".utf8)) }
        #expect(throws: FormatMismatch.self) { try Self.parse("other.csv", Data("a,b,c\n1,2,3\n".utf8)) }
    }

    // A day with no runs is a valid export with nothing in it, not another format.
    @Test(arguments: [
        #"{"@odata.context":"https://city.crm7.dynamics.com/api/data/v9.2/$metadata#flowsessions","value":[]}"#, "[]", "[\n]\n",
    ])
    func anEmptyJSONExportHasNoRuns(text: String) throws {
        let (summary, sink) = try Self.parse("empty.json", Data(text.utf8))
        #expect(summary == ParseSummary(recordsRead: 0, pendingRuns: 0))
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.isEmpty)
    }

    @Test func aCSVExportWithOnlyItsHeaderIsEmpty() throws {
        let (summary, sink) = try Self.parse("empty.csv", FileVariant.utf8CRLF.encode([Self.csvHeader]))
        #expect(summary == ParseSummary(recordsRead: 0, pendingRuns: 0))
        #expect(sink.events.isEmpty && sink.rejections.isEmpty)
    }
}
