import Foundation
import Kouka
import Testing

/// helper-160: a UiPath run started from Studio (`initiatedBy` Studio, StudioX or StudioPro — a developer trying the
/// process out from the designer) is no production run. It is not counted, neither as a success nor as a failure, and
/// never dropped without a word: the parse summary says how many (`studioRuns`), which the nightly summary names by file
/// (`runsFromStudio`, exit 1). Runs started by Orchestrator, Assistant or the command line, and runs of robots that write
/// no `initiatedBy` (before 2019.10), count as before.
struct StudioRunsTests {
    typealias L = ExecutionLogLine
    static let fileName = "2024-06-03_Execution.log"
    /// 2024-06-03 00:00 JST = 2024-06-02T15:00:00Z.
    static let midnight = 1_717_340_400.0
    static let process = "住民税_取込"

    static func initiatedBy(_ value: String?) -> String {
        value.map { #""initiatedBy":"\#($0)""# } ?? ""
    }

    /// One run of `seconds`, started at `start` and ended at `end` (`HH:mm:ss`, `seconds` apart);
    /// `everyLine`: `initiatedBy` on its end line too (robots write it on the start line; some on every line).
    static func run(job: String, start: String, end: String, seconds: Int, by initiator: String?, everyLine: Bool = true) -> [String] {
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        let total = [h, m, s].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        let totals = #""totalExecutionTimeInSeconds":\#(seconds),"totalExecutionTime":"\#(total)""#
        let endExtra = [everyLine ? initiatedBy(initiator) : "", totals].filter { !$0.isEmpty }.joined(separator: ",")
        return [
            L.make("\(start).0000", message: "\(process) execution started", timeStamp: "2024-06-03T\(start).0000000+09:00",
                   process: process, job: job, extra: initiatedBy(initiator)),
            L.make("\(end).0000", message: "\(process) execution ended", timeStamp: "2024-06-03T\(end).0000000+09:00",
                   process: process, job: job, extra: endExtra),
        ]
    }

    static func parse(_ lines: [String], today: LocalDate = LocalDate(year: 2030, month: 1, day: 1)) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(fileName, FileVariant.utf8BOMCRLF.encode(lines, finalNewline: true))
        let sink = CollectingSink()
        let summary = try UiPathExecutionLogParser().parse(path: path, context: tokyoContext(path, today: today), into: sink)
        return (summary, sink)
    }

    /// The log of /tmp/rt33/studio: one Orchestrator job of 5 minutes, and five 20-second runs from Studio.
    static let oneJobAndFiveTests: [String] =
        run(job: "p1", start: "09:00:00", end: "09:05:00", seconds: 300, by: "Orchestrator")
        + (0..<5).flatMap { k in run(job: "d\(k)", start: "13:\(k)0:00", end: "13:\(k)0:20", seconds: 20, by: "Studio") }

    @Test func theStudioRunsOfTheReproAreNotCounted() throws {
        let (summary, sink) = try Self.parse(Self.oneJobAndFiveTests)
        #expect(summary.recordsRead == 12 && summary.pendingRuns == 0)
        #expect(summary.studioRuns == 5)
        #expect(sink.rejections == [])
        // One run counts: the job Orchestrator started. Under the repro's catalog row (60 manual − 6 residual minutes a
        // run) it saves 1 × 54 / 60 = 0.90 h, where six runs made 6 × 54 / 60 = 5.40 h.
        let event = try #require(sink.events.first)
        #expect(sink.events.count == 1)
        #expect(event.taskName == Self.process)
        #expect(event.outcome == .success)
        #expect(event.quantity == 1 && event.unit == .runs)
        #expect(event.machineSeconds == 300)
        #expect(event.source.line == 1)
        // Started 09:00:00 JST = 00:00:00Z: 2024-06-02T15:00:00Z (1,717,340,400) + 9 h = 1,717,372,800 (ended 09:05:00 − 300 s alike).
        #expect(sameInstant(event.epoch, Self.midnight + 9 * 3600))
        #expect(sameInstant(event.epoch, 1_717_372_800))
    }

    /// UiPath's Studio family: Studio, StudioX, StudioPro. Each started run is a developer's, not counted.
    @Test(arguments: ["Studio", "StudioX", "StudioPro"])
    func aRunStartedFromTheStudioFamilyIsNotCounted(initiator: String) throws {
        let (summary, sink) = try Self.parse(Self.run(job: "d1", start: "10:00:00", end: "10:00:20", seconds: 20, by: initiator))
        #expect(summary.studioRuns == 1)
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.isEmpty)
    }

    /// Production starts: Orchestrator (unattended or a person's start from Orchestrator), Assistant (an attended robot a
    /// member of staff starts: production work), the older robots' tray names, the command line (a scheduler), and no
    /// `initiatedBy` at all (robots before 2019.10). Each is one successful run of 120 s.
    @Test(arguments: ["Orchestrator", "Assistant", "UiRobot", "Robot", "CommandLine", nil] as [String?])
    func aRunStartedElsewhereCounts(initiator: String?) throws {
        let (summary, sink) = try Self.parse(Self.run(job: "p1", start: "10:00:00", end: "10:02:00", seconds: 120, by: initiator))
        #expect(summary.studioRuns == 0)
        #expect(sink.rejections.isEmpty)
        let event = try #require(sink.events.first)
        #expect(sink.events.count == 1)
        #expect(event.outcome == .success && event.quantity == 1 && event.unit == .runs)
        #expect(event.machineSeconds == 120)
        // 10:00:00 JST = 01:00:00Z = 1,717,372,800 + 3,600.
        #expect(sameInstant(event.epoch, 1_717_376_400))
    }

    /// As real robots write it (shared/realworld/uipath): `initiatedBy` on the run's first line only. The whole run is
    /// Studio's: its Error line makes no failure (no rework charged), and its queue items are no items handled.
    @Test func initiatedByOnTheStartLineAloneMarksTheWholeRun() throws {
        let lines = [
            L.make("10:00:00.0000", message: "\(Self.process) execution started", timeStamp: "2024-06-03T10:00:00+09:00",
                   process: Self.process, job: "d1", extra: Self.initiatedBy("Studio")),
            L.make("10:00:05.0000", message: "Transaction ended", timeStamp: "2024-06-03T10:00:05+09:00", process: Self.process, job: "d1",
                   extra: #""transactionID":"t1","transactionStatus":"Successful""#),
            L.make("10:00:06.0000", "Error", message: "画面要素が見つかりません", levelName: "Error", timeStamp: "2024-06-03T10:00:06+09:00",
                   process: Self.process, job: "d1"),
            L.make("10:00:07.0000", message: "\(Self.process) execution ended", timeStamp: "2024-06-03T10:00:07+09:00",
                   process: Self.process, job: "d1", extra: #""totalExecutionTimeInSeconds":7,"totalExecutionTime":"00:00:07""#),
        ]
        let (summary, sink) = try Self.parse(lines)
        #expect(summary.recordsRead == 4)
        #expect(summary.studioRuns == 1)
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.isEmpty)
    }

    /// A test run the developer stopped (no end line) in a closed log: no unfinished run, which would charge rework.
    @Test func anUnendedStudioRunIsNoUnfinishedRun() throws {
        let start = L.make("10:00:00.0000", message: "\(Self.process) execution started", timeStamp: "2024-06-03T10:00:00+09:00",
                           process: Self.process, job: "d1", extra: Self.initiatedBy("Studio"))
        let (summary, sink) = try Self.parse([start] + Self.run(job: "p1", start: "11:00:00", end: "11:01:00", seconds: 60, by: "Orchestrator"))
        #expect(summary.studioRuns == 1 && summary.pendingRuns == 0)
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(sink.events.map(\.source.line) == [2])
        #expect(sink.rejections.isEmpty)
    }

    /// Today's log: a Studio run still running waits as any run does (its start line read tonight), and the reading on
    /// from there that finds its end, its `initiatedBy` carried in the saved state, does not count it.
    @Test func aStudioRunThatEndsInTheNextReadingIsNotCounted() throws {
        let today = LocalDate(year: 2024, month: 6, day: 3)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let start = L.make("10:00:00.0000", message: "\(Self.process) execution started", timeStamp: "2024-06-03T10:00:00+09:00",
                           process: Self.process, job: "d1", extra: Self.initiatedBy("Studio"))
        let path = try dir.write(Self.fileName, Data((start + "\n").utf8))
        let parser = UiPathExecutionLogParser()
        let first = CollectingSink()
        let (tonight, resume) = try parser.parse(path: path, context: tokyoContext(path, today: today), resumingFrom: nil, into: first)
        #expect(tonight.pendingRuns == 1 && tonight.studioRuns == 0)
        #expect(first.events.isEmpty)

        // The end line, without initiatedBy, as robots write it.
        let end = L.make("10:00:20.0000", message: "\(Self.process) execution ended", timeStamp: "2024-06-03T10:00:20+09:00",
                         process: Self.process, job: "d1", extra: #""totalExecutionTimeInSeconds":20,"totalExecutionTime":"00:00:20""#)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data((end + "\n").utf8))
        handle.closeFile()
        let second = CollectingSink()
        let (later, _) = try parser.parse(path: path, context: tokyoContext(path, today: today), resumingFrom: resume, into: second)
        #expect(later.pendingRuns == 0 && later.studioRuns == 1)
        #expect(second.events.isEmpty)
        #expect(second.rejections.isEmpty)
    }
}
