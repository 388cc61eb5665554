import Foundation
import Kouka
import Testing

/// A line of a run that cannot be read (cut, garbled) may be the Error line that failed the run: the run is rejected with
/// its reason, never counted as the lines left make it look (a success). A broken line outside any run, or a line read
/// whole that names no job, leaves the runs as they are.
struct UiPathUnreadLineTests {
    typealias L = ExecutionLogLine

    static let start = L.make("13:00:00.0000", message: "P execution started", timeStamp: "2024-10-01T13:00:00+09:00", process: "P", job: "a3")
    static let error = L.make("13:05:00.0000", "Error", message: "画面要素が見つかりません", levelName: "Error", timeStamp: "2024-10-01T13:05:00+09:00",
                              process: "P", job: "a3")
    static let end = L.end("13:10:00.0000", timeStamp: "2024-10-01T13:10:00+09:00", seconds: 600, process: "P", job: "a3")
    static let next = [L.make("14:00:00.0000", message: "P execution started", timeStamp: "2024-10-01T14:00:00+09:00", process: "P", job: "a4"),
                       L.end("14:10:00.0000", timeStamp: "2024-10-01T14:10:00+09:00", seconds: 600, process: "P", job: "a4")]

    static func parse(_ lines: [String]) throws -> CollectingSink {
        try UiPathRobotLanguageTests.parse(["2024-10-01_Execution.log": lines], reading: "2024-10-01_Execution.log", today: LocalDate(year: 2024, month: 10, day: 3))
    }

    /// The Error line cut after its jobId, and cut before it (the line falls inside the run, which is still open).
    @Test(arguments: [String(error.prefix(error.range(of: "\"robotName\"")!.lowerBound.utf16Offset(in: error))),
                      String(error.prefix(60))])
    func aRunWithALineThatCannotBeReadIsRejectedNotCountedAsASuccess(cutError: String) throws {
        let sink = try Self.parse([Self.start, cutError, Self.end] + Self.next)
        #expect(sink.events.map(\.outcome) == [.success], "only a4 counts")
        #expect(sink.rejections.map(\.line) == [2, 1])
        #expect(sink.rejections.last?.reason.hasPrefix("line 2, a line of jobId a3's run, could not be read") == true)
    }

    /// Two runs overlap (a background process beside the foreground one): an Error line cut before its jobId, after the
    /// other run's end, falls inside a3's lines only. Taken for the last line's job alone (b1, ended), a3 counted as a success.
    @Test func aLineCutAfterAnotherRunsLineIsTheOpenRunsNotTheLastLinesJob() throws {
        let other = [L.make("12:50:00.0000", message: "Q execution started", timeStamp: "2024-10-01T12:50:00+09:00", process: "Q", job: "b1"),
                     L.end("13:01:00.0000", timeStamp: "2024-10-01T13:01:00+09:00", seconds: 660, process: "Q", job: "b1")]
        let sink = try Self.parse([other[0], Self.start, other[1], String(Self.error.prefix(60)), Self.end])
        #expect(sink.events.map(\.outcome) == [.success], "only b1 counts")
        #expect(sink.events.first?.taskName == "Q")
        #expect(sink.rejections.map(\.line) == [4, 2])
        #expect(sink.rejections.last?.reason.hasPrefix("line 4, a line of jobId a3's run, could not be read") == true)
    }

    /// Both runs are open at the cut line: either may have written it, so neither is counted as it looks.
    @Test func aLineCutWhileTwoRunsAreOpenRejectsBoth() throws {
        let other = [L.make("12:50:00.0000", message: "Q execution started", timeStamp: "2024-10-01T12:50:00+09:00", process: "Q", job: "b1"),
                     L.end("13:20:00.0000", timeStamp: "2024-10-01T13:20:00+09:00", seconds: 1800, process: "Q", job: "b1")]
        let sink = try Self.parse([other[0], Self.start, String(Self.error.prefix(60)), Self.end, other[1]] + Self.next)
        #expect(sink.events.map(\.outcome) == [.success], "only a4 counts")
        #expect(Set(sink.rejections.map(\.line)) == [3, 1, 2])
    }

    /// Two runs go on past midnight; the next day's log begins with a cut Error line, before either run's lines there: both
    /// were open at it, and the log of their start rejects both.
    @Test func aLineCutInTheNextDaysLogWhileTwoFollowedRunsAreOpenRejectsBoth() throws {
        func start(_ job: String, _ time: String) -> String {
            L.make("\(time).0000", message: "P execution started", timeStamp: "2024-10-01T\(time)+09:00", process: "P", job: job)
        }
        func end(_ job: String, _ time: String) -> String {
            L.end("\(time).0000", timeStamp: "2024-10-02T\(time)+09:00", seconds: 1200, process: "P", job: job)
        }
        let error = L.make("00:01:00.0000", "Error", message: "画面要素が見つかりません", levelName: "Error", timeStamp: "2024-10-02T00:01:00+09:00",
                           process: "P", job: "c1")
        let files = ["2024-10-01_Execution.log": [start("c1", "23:40:00"), start("c2", "23:50:00")],
                     "2024-10-02_Execution.log": [String(error.prefix(60)), end("c1", "00:05:00"), end("c2", "00:10:00")]]
        let first = try UiPathRobotLanguageTests.parse(files, reading: "2024-10-01_Execution.log", today: LocalDate(year: 2024, month: 10, day: 4))
        #expect(first.events.isEmpty, "\(first.events.map(\.outcome))")
        #expect(first.rejections.map(\.line).sorted() == [1, 2])
        #expect(first.rejections.allSatisfy { $0.reason.hasPrefix("line 1 of 2024-10-02_Execution.log") }, "\(first.rejections.map(\.reason))")
    }

    /// The run goes on past midnight and its Error line, in the next day's log, is cut: the log of its start, which counts
    /// it, rejects it naming that line; the next day's log rejects the line and leaves the run to the log of its start.
    @Test func aRunWhoseLineInTheNextDaysLogCannotBeReadIsRejectedByTheLogOfItsStart() throws {
        let start = L.make("23:50:00.0000", message: "P execution started", timeStamp: "2024-10-01T23:50:00+09:00", process: "P", job: "a5")
        let error = L.make("00:05:00.0000", "Error", message: "画面要素が見つかりません", levelName: "Error", timeStamp: "2024-10-02T00:05:00+09:00",
                           process: "P", job: "a5")
        let end = L.end("00:10:00.0000", timeStamp: "2024-10-02T00:10:00+09:00", seconds: 1200, process: "P", job: "a5")
        let files = ["2024-10-01_Execution.log": [start], "2024-10-02_Execution.log": [String(error.prefix(60)), end]]
        let today = LocalDate(year: 2024, month: 10, day: 4)
        let first = try UiPathRobotLanguageTests.parse(files, reading: "2024-10-01_Execution.log", today: today)
        #expect(first.events.isEmpty)
        #expect(first.rejections.map(\.line) == [1])
        #expect(first.rejections.first?.reason.hasPrefix("line 1 of 2024-10-02_Execution.log, the robot's log of another day, a line of jobId a5's run") == true,
                "\(first.rejections.map(\.reason))")
        let second = try UiPathRobotLanguageTests.parse(files, reading: "2024-10-02_Execution.log", today: today)
        #expect(second.events.isEmpty)
        #expect(second.rejections.map(\.line) == [1])
    }

    /// A line the run cannot have failed on, by its prefix (Info): one the JSON reader refuses (an escaped lone surrogate,
    /// valid JSON), or one longer than 16 MiB (a whole table logged), is rejected alone, and the run counts.
    @Test(arguments: [#"13:05:00.0000 Info {"message":"名前: \ud83d","level":"Information","logType":"User","timeStamp":"2024-10-01T13:05:00+09:00","processName":"P","jobId":"a3"}"#,
                      "13:05:00.0000 Info {\"message\":\"" + String(repeating: "x", count: 17 << 20) + "\",\"jobId\":\"a3\"}"])
    func aLineBelowErrorThatCannotBeReadLeavesTheRunCounted(line: String) throws {
        let sink = try Self.parse([Self.start, line, Self.end])
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(sink.rejections.map(\.line) == [2])
    }

    @Test func aBrokenLineBetweenRunsLeavesThemCounted() throws {
        // An Error line, cut after a3 ended and before a4 started: no run holds it, and both runs count.
        let sink = try Self.parse([Self.start, Self.error, Self.end, "13:30:00.0000 Error {\"message\":\"cut"] + Self.next)
        #expect(sink.events.map(\.outcome).sorted { "\($0)" < "\($1)" } == [.failure, .success])
        #expect(sink.rejections.map(\.line) == [4])
    }

    @Test func aWholeLineThatNamesNoJobLeavesTheRunCounted() throws {
        let noJob = L.make("13:05:00.0000", message: "Robot service note", timeStamp: "2024-10-01T13:05:00+09:00", process: "P", job: nil)
        let sink = try Self.parse([Self.start, noJob, Self.end])
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(sink.rejections.map(\.line) == [2])
    }
}
