import Foundation
import Kouka
import Testing

/// The folder of real UiPath logs that came with the project (`../shared/realworld/uipath` from the
/// package root). These tests skip when it is absent.
let realWorldUiPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent() // KoukaParsersTests
    .deletingLastPathComponent() // Tests
    .deletingLastPathComponent() // main (the package)
    .deletingLastPathComponent() // the folder beside it holds shared/
    .appendingPathComponent("shared/realworld/uipath").path

/// `UiPathExecutionLogParser` on real robots' logs, published with HinokiSu/uipath-log-analyzer.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: realWorldUiPath), "../shared/realworld/uipath is absent"))
struct UiPathRealWorldLogTests {
    static func path(_ name: String) -> String { (realWorldUiPath as NSString).appendingPathComponent(name) }

    static func parse(_ path: String, today: LocalDate) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let sink = CollectingSink()
        let summary = try UiPathExecutionLogParser().parse(path: path, context: tokyoContext(path, today: today), into: sink)
        return (summary, sink)
    }

    /// `processName` of the file's line `number`, read with Foundation's JSON parser (not the one under test).
    static func processName(_ path: String, line number: Int) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[number - 1]
        let json = line[try #require(line.firstIndex(of: "{"))...]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["processName"] as? String)
    }

    @Test func aClosedDayWithAnUnendedRunAndAnEarlierError() throws {
        let path = Self.path("2022-11-11_Execution.log")
        let name = try Self.processName(path, line: 1)
        #expect(name.hasSuffix("_RPA"))
        // Two days on: the day after's log, where the run might have ended, was never written.
        let (summary, sink) = try Self.parse(path, today: LocalDate(year: 2022, month: 11, day: 13))
        // 4 lines, the last with no newline; every line is a valid record.
        #expect(summary.recordsRead == 4 && summary.pendingRuns == 0)
        #expect(sink.rejections == [])
        // jobId 61983fc9… (lines 1–3): its first line says `"initiatedBy":"Studio"` (its third enters 开发测试, development
        // test, mode): a developer's run from Studio, not counted, unended or not, and stated.
        #expect(summary.studioRuns == 1)
        try #require(sink.events.count == 1)
        // jobId 84fbe2e9… (line 4): an Error line of logType Default dated 2022-11-10, no initiatedBy, so a failure.
        // 2022-11-10T16:30:03.4977773+08:00 = 08:30:03.4977773Z = 1,668,069,003.4977773 (17:30 JST on the 10th).
        let errored = sink.events[0]
        #expect(errored.taskName == name)
        #expect(errored.outcome == .failure)
        #expect(errored.source.line == 4)
        #expect(sameInstant(errored.epoch, 1_668_069_003.4977773))
        #expect(LocalClock.tokyo.localDate(of: errored.occurredAt) == LocalDate(year: 2022, month: 11, day: 10))
    }

    @Test func onTheFilesOwnDayItsUnendedRunsWait() throws {
        // The file of today may still be written to: its last line has no newline yet, so it is left for the
        // next run, and the one job of the three lines read has no end line: it waits (a Studio run waits as any run does,
        // and is judged, not counted, once it ends).
        let (summary, sink) = try Self.parse(Self.path("2022-11-11_Execution.log"), today: LocalDate(year: 2022, month: 11, day: 11))
        #expect(summary.recordsRead == 3 && summary.pendingRuns == 1)
        #expect(summary.pendingRunKeys.count == 1, "the waiting run's id, so that an append holding a run counted before is read whole")
        #expect(sink.events.isEmpty)
        #expect(sink.rejections.isEmpty)
    }

    /// Lines from robots before and after 2019.10 (with and without `initiatedBy`/`organizationUnitId`),
    /// each a different jobId.
    @Test func mixedRobotVersions() throws {
        let (summary, sink) = try Self.parse(Self.path("mixed-versions_Execution.log"), today: LocalDate(year: 2023, month: 2, day: 7))
        // The name carries no date, so the file counts as closed whatever today is.
        #expect(summary.recordsRead == 4 && summary.pendingRuns == 0)
        #expect(sink.rejections == [])
        // Downloads (line 1) was started from Studio (`"initiatedBy":"Studio"`): not counted, and stated.
        #expect(summary.studioRuns == 1)
        #expect(sink.events.map(\.taskName) == ["GoogleAuth-Demo", "InvoiceNumberReturn", "retailInvoicAutomation"])
        // InvoiceNumberReturn has no end line in this closed file: it never finished.
        #expect(sink.events.map(\.outcome) == [.success, .unfinished, .success])
        #expect(sink.events.map(\.source.line) == [2, 3, 4])
        #expect(sink.events.map(\.machineSeconds) == [5, nil, 25])
        let expected: [Double] = [
            1_672_191_996.853246 - 5, //  GoogleAuth-Demo: ended 2022-12-28T09:46:36.853246+08:00 after 5 s
            1_675_734_428.326369, //      InvoiceNumberReturn: 2023-02-07T09:47:08.326369+08:00, its only line
            1_675_748_663.5332693 - 25, // retailInvoicAutomation: ended 2023-02-07T13:44:23.5332693+08:00 after 25 s
        ]
        for (event, epoch) in zip(sink.events, expected) { #expect(sameInstant(event.epoch, epoch), "\(event.taskName)") }
    }

    @Test func mixedRobotVersionsUnderTodaysDateWait() throws {
        // The same lines in a file named for today: the two runs with no end line are pending.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = try dir.write("2023-02-07_Execution.log", try Data(contentsOf: URL(fileURLWithPath: Self.path("mixed-versions_Execution.log"))))
        let (summary, sink) = try Self.parse(copy, today: LocalDate(year: 2023, month: 2, day: 7))
        #expect(summary.pendingRuns == 2)
        #expect(sink.events.map(\.taskName) == ["GoogleAuth-Demo", "retailInvoicAutomation"])
        #expect(sink.events.allSatisfy { $0.outcome == .success })
    }
}
