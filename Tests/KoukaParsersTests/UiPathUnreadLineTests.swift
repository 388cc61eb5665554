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

    @Test func aBrokenLineBetweenRunsLeavesThemCounted() throws {
        let sink = try Self.parse([Self.start, Self.error, Self.end, "13:30:00.0000 Info {\"message\":\"cut"] + Self.next)
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
