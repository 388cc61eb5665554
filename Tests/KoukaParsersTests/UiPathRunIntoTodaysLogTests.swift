import Foundation
import Kouka
import Testing

/// A robot run that started before midnight and had written nothing since when the nightly run read yesterday's log:
/// today's log does not exist yet, but the robot may still write the run's end there. The run waits (its log is read
/// again each night) instead of being counted unfinished at once, which today's log could never change: it leaves runs
/// that started the day before to that day's log.
struct UiPathRunIntoTodaysLogTests {
    typealias L = ExecutionLogLine
    static let april1 = LocalDate(year: 2024, month: 4, day: 1)

    static func parse(_ path: String, on day: LocalDate, hour: Int, minute: Int) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let sink = CollectingSink()
        let context = ParseContext(clock: .tokyo, displayPath: (path as NSString).lastPathComponent, encoding: .auto, today: day,
                                   now: LocalClock.tokyo.instant(of: day, hour: hour, minute: minute, second: 0), pendingMaxAge: 24 * 3600)
        return (try UiPathExecutionLogParser().parse(path: path, context: context, into: sink), sink)
    }

    static let started = L.make("23:50:00.0000", message: "住民票発行_RPA execution started", timeStamp: "2024-04-01T23:50:00.0000000+09:00")

    @Test func theRunWaitsForTodaysLogAndCountsOnceItsEndIsThere() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let yesterday = try dir.write("2024-04-01_Execution.log", FileVariant.utf8BOMCRLF.encode([Self.started]))
        let april2 = Self.april1.adding(days: 1)
        let night = try Self.parse(yesterday, on: april2, hour: 0, minute: 30)
        #expect(night.sink.events.isEmpty)
        #expect(night.summary.pendingRuns == 1)

        let today = try dir.write("2024-04-02_Execution.log", FileVariant.utf8BOMCRLF.encode([
            L.end("00:40:00.0000", timeStamp: "2024-04-02T00:40:00.0000000+09:00", seconds: 3_000),
        ]))
        let nextNight = try Self.parse(yesterday, on: april2.adding(days: 1), hour: 0, minute: 30)
        #expect(nextNight.sink.events.map(\.outcome) == [.success])
        #expect(nextNight.sink.events.first?.machineSeconds == 3_000)
        #expect(nextNight.summary.pendingRuns == 0)
        // Today's log leaves the run to the log it started in.
        let todays = try Self.parse(today, on: april2.adding(days: 1), hour: 0, minute: 30)
        #expect(todays.sink.events.isEmpty)
    }

    /// The run's end is the next day's last line, never ended with a newline (a log copied off the robot's machine, or a
    /// writer that leaves its last line open): once that day is over, the line is read, as the log's own reading reads it
    /// (helper-88's uipath-next-day-last-line-without-newline.sh: the run counted unfinished, "never reported its end").
    @Test func anEndOnTheNextDaysLastLineWithoutANewlineEndsTheRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let yesterday = try dir.write("2024-04-01_Execution.log", FileVariant.utf8BOMCRLF.encode([Self.started]))
        _ = try dir.write("2024-04-02_Execution.log", FileVariant.utf8BOMCRLF.encode([
            L.end("00:40:00.0000", timeStamp: "2024-04-02T00:40:00.0000000+09:00", seconds: 3_000),
        ], finalNewline: false))
        let night = try Self.parse(yesterday, on: Self.april1.adding(days: 9), hour: 2, minute: 0)
        #expect(night.sink.events.map(\.outcome) == [.success])
        #expect(night.sink.events.first?.machineSeconds == 3_000)
        #expect(night.summary.pendingRuns == 0)
    }

    /// A run still going on in a log that the nightly run read while the robot wrote it waits with the lines of its own
    /// log only: the next night reads the later log whole again, and its queue items are counted once, not twice.
    @Test func aWaitingRunsItemsInTheNextDaysLogAreCountedOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        func item(_ time: String) -> String {
            L.make(time, message: "item", logType: "Transaction", timeStamp: "2024-04-02T\(time.prefix(8))+09:00",
                   extra: #""queueName":"異動届","transactionID":"t\#(time.prefix(5))","transactionState":"Ended","transactionStatus":"Successful""#)
        }
        let yesterday = try dir.write("2024-04-01_Execution.log", FileVariant.utf8BOMCRLF.encode([Self.started]))
        _ = try dir.write("2024-04-02_Execution.log", FileVariant.utf8BOMCRLF.encode([item("00:10:00.0000")]))
        let april2 = Self.april1.adding(days: 1)
        let sink = CollectingSink()
        let context = ParseContext(clock: .tokyo, displayPath: "2024-04-01_Execution.log", encoding: .auto, today: april2,
                                   now: LocalClock.tokyo.instant(of: april2, hour: 2, minute: 0, second: 0), pendingMaxAge: 24 * 3600)
        let (night, resume) = try UiPathExecutionLogParser().parse(path: yesterday, context: context, resumingFrom: nil, into: sink)
        #expect(night.pendingRuns == 1)
        #expect(sink.events.isEmpty)

        _ = try dir.write("2024-04-02_Execution.log", FileVariant.utf8BOMCRLF.encode([
            item("00:10:00.0000"), item("00:20:00.0000"),
            L.end("00:30:00.0000", timeStamp: "2024-04-02T00:30:00.0000000+09:00", seconds: 2_400),
        ]))
        let april3 = april2.adding(days: 1)
        let next = CollectingSink()
        let nextContext = ParseContext(clock: .tokyo, displayPath: "2024-04-01_Execution.log", encoding: .auto, today: april3,
                                       now: LocalClock.tokyo.instant(of: april3, hour: 2, minute: 0, second: 0), pendingMaxAge: 24 * 3600)
        _ = try UiPathExecutionLogParser().parse(path: yesterday, context: nextContext, resumingFrom: resume, into: next)
        #expect(next.events.map(\.outcome) == [.success])
        #expect(next.events.map(\.quantity) == [2], "two items, each once")
    }

    /// No log for the day after ever written: once the run is older than the allowed age it never finished.
    @Test func withoutTheNextDaysLogTheRunIsUnfinishedOnceItIsOld() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let yesterday = try dir.write("2024-04-01_Execution.log", FileVariant.utf8BOMCRLF.encode([Self.started]))
        let later = try Self.parse(yesterday, on: Self.april1.adding(days: 2), hour: 0, minute: 30)
        #expect(later.sink.events.map(\.outcome) == [.unfinished])
    }
}
