import Foundation
@testable import Kouka
import Testing

/// `UiPathOrchestratorParser`: Orchestrator jobs and queue items as the OData API answers them and as
/// exports save them. Times are UTC; the day is Tokyo's.
struct UiPathOrchestratorParserTests {
    struct Run: Equatable, CustomStringConvertible {
        var name: String
        var outcome: Outcome
        var epoch: Double
        var machine: Double?
        var unit: EffectUnit = .runs
        var description: String { "\(name) \(outcome) @\(epoch) \(machine.map { "\($0) s" } ?? "-") \(unit)" }
    }

    /// The six jobs of Fixtures/orchestrator-jobs-value.json, and what each must become:
    /// 1. Successful 2024-03-31T15:30:00Z = 1,711,899,000 (00:30 on April 1 in Tokyo, FY2024), ended 15:45:00.5: 900.5 s.
    /// 2. Faulted 2024-03-31T14:59:59.79Z = 1,711,897,199.79 (March 31 in Tokyo, FY2023), ended 10 s later.
    /// 3. Stopped while pending: no StartTime, so its CreationTime 2024-04-01T01:00:00Z = 1,711,933,200; no duration.
    /// 4. Pending: not finished, waits.
    /// 5. Job 1 again (an overlapping page of the answer): rejected, counted once.
    /// 6. State 5: a number, not read (the enum's numbering is not documented the same everywhere): rejected.
    static let jobs = [
        Run(name: "住民票_交付集計_本番", outcome: .success, epoch: 1_711_899_000, machine: 900.5),
        Run(name: "国保_資格異動_本番", outcome: .failure, epoch: 1_711_897_199.79, machine: 10),
        Run(name: "国保_資格異動_本番", outcome: .cancelled, epoch: 1_711_933_200, machine: nil),
    ]

    static let jobsCSV = """
        Key,ReleaseName,State,StartTime,EndTime,HostMachineName,Source,CreationTime
        3f1a9c52-0001,住民票_交付集計_本番,Successful,2024-03-31T15:30:00Z,2024-03-31T15:45:00.5Z,RPA-SV01,Manual,2024-03-31T15:29:58Z
        3f1a9c52-0002,国保_資格異動_本番,Faulted,2024-03-31T14:59:59.79Z,2024-03-31T15:00:09.79Z,RPA-SV02,Schedule,2024-03-31T14:59:58Z
        3f1a9c52-0003,国保_資格異動_本番,Stopped,,,,Manual,2024-04-01T01:00:00Z
        3f1a9c52-0004,国保_資格異動_本番,Pending,,,,Queue,2024-04-01T02:00:00Z
        3f1a9c52-0001,住民票_交付集計_本番,Successful,2024-03-31T15:30:00Z,2024-03-31T15:45:00.5Z,RPA-SV01,Manual,2024-03-31T15:29:58Z
        3f1a9c52-0006,国保_資格異動_本番,5,2024-04-01T03:00:00Z,2024-04-01T03:00:10Z,RPA-SV01,Manual,2024-04-01T02:59:59Z

        """

    /// `/odata/QueueItems` saved as JSON lines, one item a line:
    /// 1. Successful 2024-05-01T00:00:00Z (1,714,521,600), processed in 60 s.
    /// 2. Failed 00:02:00Z (1,714,521,720), 30 s. 3. Retried 00:03:00Z (1,714,521,780), 5 s: a failed attempt.
    /// 4. Abandoned 00:05:00Z (1,714,521,900), no end: Orchestrator gave up on it, never finished.
    /// 5. New, created 00:06:00Z: waits.
    static let queueItemLines = """
        {"Key":"a7e0c1d2-0001","QueueDefinitionId":12,"Status":"Successful","Priority":"Normal","Reference":"R-1","StartProcessing":"2024-05-01T00:00:00Z","EndProcessing":"2024-05-01T00:01:00Z","CreationTime":"2024-04-30T23:00:00Z","RetryNumber":0}
        {"Key":"a7e0c1d2-0002","QueueDefinitionId":12,"Status":"Failed","ProcessingExceptionType":"BusinessException","StartProcessing":"2024-05-01T00:02:00Z","EndProcessing":"2024-05-01T00:02:30Z","CreationTime":"2024-04-30T23:00:00Z","RetryNumber":0}
        {"Key":"a7e0c1d2-0003","QueueDefinitionId":12,"Status":"Retried","ProcessingExceptionType":"ApplicationException","StartProcessing":"2024-05-01T00:03:00Z","EndProcessing":"2024-05-01T00:03:05Z","CreationTime":"2024-04-30T23:00:00Z","RetryNumber":0}
        {"Key":"a7e0c1d2-0004","QueueDefinitionId":12,"Status":"Abandoned","StartProcessing":"2024-05-01T00:05:00Z","EndProcessing":null,"CreationTime":"2024-04-30T23:00:00Z","RetryNumber":0}
        {"Key":"a7e0c1d2-0005","QueueDefinitionId":12,"Status":"New","StartProcessing":null,"EndProcessing":null,"CreationTime":"2024-05-01T00:06:00Z","RetryNumber":0}

        """

    static let items = [
        Run(name: "12", outcome: .success, epoch: 1_714_521_600, machine: 60, unit: .items),
        Run(name: "12", outcome: .failure, epoch: 1_714_521_720, machine: 30, unit: .items),
        Run(name: "12", outcome: .failure, epoch: 1_714_521_780, machine: 5, unit: .items),
        Run(name: "12", outcome: .unfinished, epoch: 1_714_521_900, machine: nil, unit: .items),
    ]

    static func parse(_ name: String, _ data: Data, pendingMaxAge: TimeInterval = .infinity, today: LocalDate = LocalDate(year: 2030, month: 1, day: 1),
                      elsewhere: [UInt64: String] = [:]) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, data)
        let sink = CollectingSink()
        var context = tokyoContext(path, today: today, pendingMaxAge: pendingMaxAge)
        context.runsCountedElsewhere = elsewhere
        return (try UiPathOrchestratorParser().parse(path: path, context: context, into: sink), sink)
    }

    static func runs(_ sink: CollectingSink) -> [Run] {
        sink.events.map { Run(name: $0.taskName, outcome: $0.outcome, epoch: $0.epoch, machine: $0.machineSeconds, unit: $0.unit) }
    }

    static func matches(_ a: [Run], _ b: [Run]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.outcome == y.outcome && sameInstant(x.epoch, y.epoch) && x.unit == y.unit
                && (x.machine == nil) == (y.machine == nil) && sameInstant(x.machine ?? 0, y.machine ?? 0)
        }
    }

    @Test func odataJobsAnswer() throws {
        let url = try #require(Bundle.module.url(forResource: "orchestrator-jobs-value", withExtension: "json", subdirectory: "Fixtures"))
        let (summary, sink) = try Self.parse("jobs.json", try Data(contentsOf: url))
        #expect(summary == ParseSummary(recordsRead: 6, pendingRuns: 1))
        #expect(Self.matches(Self.runs(sink), Self.jobs), "\(Self.runs(sink))")
        #expect(sink.events.map(\.source.line) == [2, 3, 4])
        #expect(sink.rejectedLines == [6, 7])
        #expect(sink.rejections[0].reason.contains("Key repeats an earlier row: line 2"))
        #expect(sink.rejections[1].reason.contains("State 5 is not an Orchestrator job state"))
        #expect(sink.events.allSatisfy { $0.family == .rpa && $0.unit == .runs && $0.quantity == 1 })
    }

    /// A row rejected because another field is not valid text keeps the day its times give (15:30Z on March 31 is
    /// April 1 in Tokyo): the report counts it among that year's rejected rows, not among those of no known date.
    @Test func aRowRejectedForAnotherFieldKeepsItsDay() throws {
        let data = Data("Key,ReleaseName,State,StartTime,EndTime\nk1,".utf8) + Data([0x8A, 0xFF]) + Data(",Successful,2024-03-31T15:30:00Z,2024-03-31T15:45:00Z\n".utf8)
        let (_, sink) = try Self.parse("jobs.csv", data)
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.day == LocalDate(year: 2024, month: 4, day: 1))
    }

    @Test(arguments: FileVariant.allCases)
    func jobsCSVExport(variant: FileVariant) throws {
        let (summary, sink) = try Self.parse("jobs.csv", variant.encode(Self.jobsCSV.split(separator: "\n").map(String.init)))
        #expect(summary == ParseSummary(recordsRead: 6, pendingRuns: 1))
        #expect(Self.matches(Self.runs(sink), Self.jobs), "\(Self.runs(sink))")
        #expect(sink.rejectedLines == [6, 7])
    }

    /// The Jobs page's labels (Process, Started, Ended) name the same fields.
    @Test func jobsPageLabels() throws {
        let csv = "Process,State,Robot,Hostname,Source,Started,Ended,Key\n住民票_交付集計_本番,Successful,robot01,RPA-SV01,Manual,2024-03-31T15:30:00Z,2024-03-31T15:45:00.5Z,k1\n"
        let (_, sink) = try Self.parse("jobs.csv", Data(csv.utf8))
        #expect(Self.matches(Self.runs(sink), [Self.jobs[0]]), "\(Self.runs(sink))")
    }

    @Test func queueItemsAsJSONLines() throws {
        let (summary, sink) = try Self.parse("queueitems.jsonl", Data(Self.queueItemLines.utf8))
        #expect(summary == ParseSummary(recordsRead: 5, pendingRuns: 1))
        #expect(Self.matches(Self.runs(sink), Self.items), "\(Self.runs(sink))")
        #expect(sink.rejections.isEmpty)
    }

    /// A job still Running, or an item still New, older than the allowed age never finished.
    @Test func waitingPastTheAllowedAgeIsUnfinished() throws {
        // tokyoContext's now is 2030-01-01 00:00 in Tokyo; the pending job was created in 2024.
        let (jobSummary, jobs) = try Self.parse("jobs.csv", Data(Self.jobsCSV.utf8), pendingMaxAge: 24 * 3600)
        #expect(jobSummary.pendingRuns == 0)
        #expect(jobs.events.last?.outcome == .unfinished)
        #expect(jobs.events.last.map { sameInstant($0.epoch, 1_711_936_800) } == true)
        // And one created an hour ago still waits.
        let (recent, _) = try Self.parse("jobs.csv", Data(Self.jobsCSV.utf8), pendingMaxAge: 24 * 3600, today: LocalDate(year: 2024, month: 4, day: 2))
        #expect(recent.pendingRuns == 1)
    }

    /// A Key counted from another export is not counted again.
    @Test func keyCountedInAnotherFile() throws {
        let (_, sink) = try Self.parse("jobs.csv", Data(Self.jobsCSV.utf8), elsewhere: [RunKeyHash.of("3f1a9c52-0002"): "jobs-march.csv"])
        #expect(sink.events.count == 2)
        #expect(sink.rejections.contains { $0.line == 3 && $0.reason.contains("Key is already counted in another file: jobs-march.csv") })
    }

    @Test func aFileWithoutKeysIsNotThisFormat() throws {
        let csv = "ReleaseName,State,StartTime\nA,Successful,2024-05-01T00:00:00Z\n"
        #expect(throws: FormatMismatch.self) { try Self.parse("jobs.csv", Data(csv.utf8)) }
        let items = "Key,Status,StartProcessing\nk,Successful,2024-05-01T00:00:00Z\n"
        let error = try #require(throws: FormatMismatch.self) { try Self.parse("items.csv", Data(items.utf8)) }
        #expect(error.reason.contains("without QueueDefinitionId"))
    }

    /// A nightly `curl` appending each answer to one file: JSON lines of whole OData answers, overlapping.
    @Test func appendedAnswersAsJSONLines() throws {
        let answer1 = #"{"@odata.context":"x/odata/$metadata#Jobs","value":[{"Key":"k1","ReleaseName":"A","State":"Successful","StartTime":"2024-05-01T00:00:00Z","EndTime":"2024-05-01T00:01:00Z"}]}"#
        let answer2 = #"{"@odata.context":"x/odata/$metadata#Jobs","value":[{"Key":"k1","ReleaseName":"A","State":"Successful","StartTime":"2024-05-01T00:00:00Z","EndTime":"2024-05-01T00:01:00Z"},{"Key":"k2","ReleaseName":"A","State":"Faulted","StartTime":"2024-05-02T00:00:00Z","EndTime":"2024-05-02T00:00:30Z"}]}"#
        let (summary, sink) = try Self.parse("jobs.jsonl", Data((answer1 + "\n" + answer2 + "\n").utf8))
        #expect(summary.recordsRead == 3)
        #expect(sink.events.map(\.outcome) == [.success, .failure])
        #expect(sink.rejections.map(\.line) == [2])
    }

    /// Times without an offset are UTC, as Orchestrator keeps them, unless the source names its zone.
    @Test func timesWithoutAnOffset() throws {
        let csv = "Key,ReleaseName,State,StartTime,EndTime\nk1,A,Successful,2024/3/31 15:30,2024/3/31 15:45\n"
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("jobs.csv", Data(csv.utf8))
        let utc = CollectingSink(), tokyo = CollectingSink()
        _ = try UiPathOrchestratorParser().parse(path: path, context: tokyoContext(path), into: utc)
        _ = try UiPathOrchestratorParser(options: SourceOptions(timeZone: TimeZone(identifier: "Asia/Tokyo"))).parse(path: path, context: tokyoContext(path), into: tokyo)
        #expect(utc.events.map(\.epoch) == [1_711_899_000])
        #expect(tokyo.events.map(\.epoch) == [1_711_899_000 - 9 * 3600])
    }
}
