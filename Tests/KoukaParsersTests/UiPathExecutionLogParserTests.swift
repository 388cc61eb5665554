import Foundation
import Kouka
import Testing

/// `UiPathExecutionLogParser` on logs written for the test: runs grouped by jobId, end lines, Default
/// errors, open and closed files, queue transactions and bad lines.
struct UiPathExecutionLogParserTests {
    typealias L = ExecutionLogLine
    static let fileName = "2024-04-01_Execution.log"
    static let april1 = LocalDate(year: 2024, month: 4, day: 1)
    /// 2024-04-01 00:00 JST.
    static let midnight = 1_711_897_200.0

    static func parse(_ lines: [String], name: String = fileName, variant: FileVariant = .utf8BOMCRLF, finalNewline: Bool = true,
                      today: LocalDate = LocalDate(year: 2030, month: 1, day: 1)) throws -> (summary: ParseSummary, sink: CollectingSink) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, variant.encode(lines, finalNewline: finalNewline))
        let sink = CollectingSink()
        let summary = try UiPathExecutionLogParser().parse(path: path, context: tokyoContext(path, today: today), into: sink)
        return (summary, sink)
    }

    static let successfulRun = [
        L.make("10:00:00.1234", message: "住民票発行_RPA execution started", timeStamp: "2024-04-01T10:00:00.1234567+09:00"),
        L.make("10:01:00.0000", message: "表示ソフトへ入力", logType: "User", timeStamp: "2024-04-01T10:01:00.0000000+09:00"),
        L.end("10:02:05.1234", timeStamp: "2024-04-01T10:02:05.1234567+09:00", seconds: 125),
    ]

    @Test(arguments: FileVariant.allCases, [true, false])
    func aRunWithItsEndLineSucceeded(variant: FileVariant, finalNewline: Bool) throws {
        let (summary, sink) = try Self.parse(Self.successfulRun, variant: variant, finalNewline: finalNewline)
        #expect(summary == ParseSummary(recordsRead: 3, pendingRuns: 0))
        #expect(sink.rejections == [])
        let event = try #require(sink.events.first)
        #expect(sink.events.count == 1)
        #expect(event.family == .rpa)
        #expect(event.taskName == "住民票発行_RPA")
        #expect(event.outcome == .success)
        #expect(event.quantity == 1 && event.unit == .runs)
        #expect(event.machineSeconds == 125)
        #expect(event.department == nil)
        #expect(event.source == SourceLocation(file: Self.fileName, line: 1))
        // Started 10:00:00.1234567 JST = 01:00:00.1234567Z (end 10:02:05.1234567 − 125 s is the same instant).
        #expect(sameInstant(event.epoch, Self.midnight + 10 * 3600 + 0.1234567))
    }

    /// A field Kouka uses whose string does not decode (an escape JSON does not know) makes the line invalid
    /// JSON, rejected by its line: a start line is never read as a line without a message, nor an error line as
    /// one without a level.
    @Test(arguments: [
        L.make("10:00:00.0000", message: #"住民票発行_RPA execution started\q"#, timeStamp: "2024-04-01T10:00:00+09:00"),
        L.make("10:00:00.0000", "Error", message: "画面要素が見つかりません", levelName: #"Err\or"#, timeStamp: "2024-04-01T10:00:00+09:00"),
        L.make("10:00:00.0000", message: "住民票発行_RPA execution started", timeStamp: "2024-04-01T10:00:00+09:00", process: #"住民票\x発行"#),
    ])
    func aLineWithAFieldThatDoesNotDecodeIsRejected(line: String) throws {
        let (_, sink) = try Self.parse([line, L.end("10:02:05.0000", timeStamp: "2024-04-01T10:02:05+09:00", seconds: 125)])
        #expect(sink.rejections.first?.line == 1)
        #expect(sink.rejections.first?.reason == "the JSON part is not valid JSON")
        // An Error line may be the one that failed its run (its job id is legible): the run is not counted either. An Info
        // line cannot be: the run is counted by its other lines.
        if line.contains(" Error {") {
            #expect(sink.rejections.map(\.line) == [1, 2])
            #expect(sink.events.isEmpty)
        } else {
            #expect(sink.rejections.map(\.line) == [1])
            #expect(sink.events.count == 1)
        }
    }

    @Test func aRunThatStartedBeforeTheFileBeganStartsAtItsEndMinusItsTotalTime() throws {
        // Only the end line is in this file, 00:00:30 JST on April 1, after 90 s: it started 23:59:00 on
        // March 31, which is the day (and fiscal year) it belongs to.
        let (_, sink) = try Self.parse([L.end("00:00:30.0000", timeStamp: "2024-04-01T00:00:30+09:00", seconds: 90)])
        let event = try #require(sink.events.first)
        #expect(event.outcome == .success)
        #expect(sameInstant(event.epoch, Self.midnight - 60))
        #expect(LocalClock.tokyo.localDate(of: event.occurredAt) == LocalDate(year: 2024, month: 3, day: 31))
    }

    @Test func defaultErrorsFailARunButUserErrorsDoNot() throws {
        let lines = [
            L.make("09:00:00.0000", message: "A execution started", timeStamp: "2024-04-01T09:00:00+09:00", process: "A", job: "a"),
            L.make("09:00:10.0000", "Error", message: "Add Data Column failed", levelName: "Error", timeStamp: "2024-04-01T09:00:10+09:00", process: "A", job: "a"),
            L.end("09:00:30.0000", timeStamp: "2024-04-01T09:00:30+09:00", seconds: 30, process: "A", job: "a"),
            L.make("09:10:00.0000", message: "B execution started", timeStamp: "2024-04-01T09:10:00+09:00", process: "B", job: "b"),
            L.make("09:10:05.0000", "Error", message: "入力値が不正", levelName: "Error", logType: "User", timeStamp: "2024-04-01T09:10:05+09:00", process: "B", job: "b"),
            L.end("09:10:20.0000", timeStamp: "2024-04-01T09:10:20+09:00", seconds: 20, process: "B", job: "b"),
            L.make("09:20:00.0000", message: "C execution started", timeStamp: "2024-04-01T09:20:00+09:00", process: "C", job: "c"),
            L.make("09:20:01.0000", "Fatal", message: "Robot crashed", levelName: "Fatal", timeStamp: "2024-04-01T09:20:01+09:00", process: "C", job: "c"),
        ]
        let (summary, sink) = try Self.parse(lines)
        #expect(summary.recordsRead == 8)
        #expect(sink.events.map(\.taskName) == ["A", "B", "C"])
        #expect(sink.events.map(\.outcome) == [.failure, .success, .failure])
        #expect(sink.events.map(\.source.line) == [1, 4, 7])
        #expect(sink.events.map(\.machineSeconds) == [30, 20, nil])
    }

    @Test func interleavedRunsAreKeptApartByJobID() throws {
        let lines = [
            L.make("09:00:00.0000", message: "x", timeStamp: "2024-04-01T09:00:00+09:00", process: "税証明", job: "j1"),
            L.make("09:00:01.0000", message: "x", timeStamp: "2024-04-01T09:00:01+09:00", process: "住民票", job: "j2"),
            L.end("09:00:40.0000", timeStamp: "2024-04-01T09:00:40+09:00", seconds: 39, process: "住民票", job: "j2"),
            L.end("09:01:00.0000", timeStamp: "2024-04-01T09:01:00+09:00", seconds: 60, process: "税証明", job: "j1"),
        ]
        let (_, sink) = try Self.parse(lines)
        #expect(sink.events.map(\.taskName) == ["税証明", "住民票"])
        #expect(sink.events.map(\.machineSeconds) == [60, 39])
        #expect(sink.events.allSatisfy { $0.outcome == .success })
    }

    @Test func aRunWithoutItsEndLineWaitsInTodaysLogAndFailedInAClosedOne() throws {
        let lines = [
            L.make("09:00:00.0000", message: "A execution started", timeStamp: "2024-04-01T09:00:00+09:00", process: "A", job: "a"),
            L.end("09:00:30.0000", timeStamp: "2024-04-01T09:00:30+09:00", seconds: 30, process: "A", job: "a"),
            L.make("09:05:00.0000", message: "B execution started", timeStamp: "2024-04-01T09:05:00+09:00", process: "B", job: "b"),
        ]
        // Today's log may still be written to: B is pending, A (ended) counts already.
        let open = try Self.parse(lines, today: Self.april1)
        #expect(open.summary.pendingRuns == 1)
        #expect(open.sink.events.map(\.taskName) == ["A"])
        #expect(open.sink.events.map(\.outcome) == [.success])
        // The next day, with no log of that day written yet, B may still end there: it waits.
        let nextDay = try Self.parse(lines, today: Self.april1.adding(days: 1))
        #expect(nextDay.summary.pendingRuns == 1)
        #expect(nextDay.sink.events.map(\.taskName) == ["A"])
        // The day after, the file is closed for good: B never ended, so it is counted as a run that never finished.
        let closed = try Self.parse(lines, today: Self.april1.adding(days: 2))
        #expect(closed.summary.pendingRuns == 0)
        #expect(closed.sink.events.map(\.taskName) == ["A", "B"])
        #expect(closed.sink.events.map(\.outcome) == [.success, .unfinished])
        // A file whose name carries no date is taken as closed.
        let undated = try Self.parse(lines, name: "Execution.log", today: Self.april1)
        #expect(undated.summary.pendingRuns == 0)
        #expect(undated.sink.events.map(\.outcome) == [.success, .unfinished])
    }

    /// A run still open at the end of a closed day's log is looked for in the next day's log. When that log
    /// cannot be read, the run's end cannot be known: the file stops with the reason, rather than count the
    /// run as unfinished.
    @Test func aNextDaysLogThatCannotBeReadStopsTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lines = [L.make("23:50:00.0000", message: "B execution started", timeStamp: "2024-04-01T23:50:00+09:00", process: "B", job: "b")]
        let path = try dir.write(Self.fileName, FileVariant.utf8LF.encode(lines))
        try FileManager.default.createDirectory(atPath: dir.path("2024-04-02_Execution.log"), withIntermediateDirectories: false)
        #expect(throws: InputError.self) {
            try UiPathExecutionLogParser().parse(path: path, context: tokyoContext(path, today: Self.april1.adding(days: 5)), into: CollectingSink())
        }
    }

    @Test func successfulQueueTransactionsAreItemsHandled() throws {
        func tx(_ time: String, _ status: String, job: String = "q") -> String {
            L.make(time, message: "Transaction ended", timeStamp: "2024-04-01T\(time.prefix(8))+09:00", process: "国保異動", job: job,
                   extra: #""queueName":"異動届","transactionID":"t-\#(job)-\#(time.prefix(8))","transactionState":"Ended","transactionStatus":"\#(status)""#)
        }
        let lines = [
            L.make("13:00:00.0000", message: "国保異動 execution started", timeStamp: "2024-04-01T13:00:00+09:00", process: "国保異動", job: "q"),
            tx("13:01:00.0000", "Successful"), tx("13:02:00.0000", "Failed"), tx("13:03:00.0000", "Successful"), tx("13:04:00.0000", "Successful"),
            L.end("13:05:00.0000", timeStamp: "2024-04-01T13:05:00+09:00", seconds: 300, process: "国保異動", job: "q"),
            // A second run that handled two items and then never ended.
            L.make("14:00:00.0000", message: "国保異動 execution started", timeStamp: "2024-04-01T14:00:00+09:00", process: "国保異動", job: "r"),
            tx("14:01:00.0000", "Successful", job: "r"), tx("14:02:00.0000", "Successful", job: "r"),
        ]
        let (_, sink) = try Self.parse(lines)
        #expect(sink.events.map(\.outcome) == [.success, .failure, .success, .unfinished])
        #expect(sink.events.map(\.unit) == [.items, .items, .items, .runs])
        // Run q ended normally: 3 items handled, 1 item failed, and no failed run. Run r: 2 items handled,
        // no failed item, and the run itself never finished: one unfinished run.
        #expect(sink.events.map(\.quantity) == [3, 1, 2, 1])
        #expect(sink.events.map(\.machineSeconds) == [300, nil, nil, nil])
        #expect(sink.events.map(\.source.line) == [1, 1, 7, 7])
    }

    /// A queue transaction's line written twice (log files joined, a shipper that sent a line again) is one transaction: its
    /// item counts once, and the repeated line is named (helper-88's uipath-duplicated-transaction-line.sh: 4 items for 3).
    @Test func aTransactionLineWrittenTwiceCountsOnce() throws {
        func tx(_ time: String, id: String) -> String {
            L.make(time, message: "Transaction ended", timeStamp: "2024-04-01T\(time.prefix(8))+09:00", process: "国保異動", job: "q",
                   extra: #""queueName":"異動届","transactionID":"\#(id)","transactionState":"Ended","transactionStatus":"Successful""#)
        }
        let lines = [
            L.make("13:00:00.0000", message: "国保異動 execution started", timeStamp: "2024-04-01T13:00:00+09:00", process: "国保異動", job: "q"),
            tx("13:01:00.0000", id: "a"), tx("13:02:00.0000", id: "b"), tx("13:02:00.0000", id: "b"), tx("13:03:00.0000", id: "c"),
            L.end("13:05:00.0000", timeStamp: "2024-04-01T13:05:00+09:00", seconds: 300, process: "国保異動", job: "q"),
        ]
        let (_, sink) = try Self.parse(lines)
        #expect(sink.events.map(\.quantity) == [3])
        #expect(sink.rejectedLines == [4])
        #expect(sink.rejections.first?.reason.contains("repeats line 3 of jobId q's run") == true)
    }

    @Test func badLinesAreRejectedWithTheirLineAndTheRestIsRead() throws {
        let lines = [
            Self.successfulRun[0],
            "この行はログではありません",
            #"10:00:30.0000 Info {"message": "broken"#,
            L.make("10:00:40.0000", message: "no job", timeStamp: "2024-04-01T10:00:40+09:00", job: nil),
            L.make("10:00:50.0000", message: "no process", timeStamp: "2024-04-01T10:00:50+09:00", process: nil),
            "",
            Self.successfulRun[2],
        ]
        let (summary, sink) = try Self.parse(lines)
        // Each bad line with its own reason, then the run they fall inside (line 4, read whole, names no job: no run's line):
        // one of them may have been the Error line that failed it, so it is not counted as a success.
        #expect(sink.rejectedLines == [2, 3, 4, 5, 1])
        #expect(sink.rejections.allSatisfy { $0.file == Self.fileName && !$0.reason.isEmpty })
        #expect(sink.rejections.last?.reason.hasPrefix("line 2, a line of jobId job-1's run, could not be read") == true)
        // The blank line 6 is not a record.
        #expect(summary.recordsRead == 6)
        #expect(sink.events.isEmpty)
    }

    @Test func aLastLineCutOffMidJSONIsRejected() throws {
        let lines = Self.successfulRun + [#"10:03:00.0000 Info {"message":"next","level":"Informa"#]
        let (_, sink) = try Self.parse(lines, finalNewline: false)
        #expect(sink.rejectedLines == [4])
        #expect(sink.rejections.first?.reason.contains("cut off") == true)
        #expect(sink.events.count == 1)
    }

    /// A nightly run just after midnight reads the day before's log while the robot flushes its last line: the half
    /// line is left for the next run, and the run it ends waits with it (counted as unfinished now, its end read next
    /// run would count it again); the next run reads the line whole and counts the run once, a success. A day after
    /// the log's day ended, a line still half written is cut off.
    @Test func theDayBeforesHalfWrittenLastLineIsLeftForADay() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let half = #"10:02:05.1234 Info {"message":"住民票発行_RPA execution ended","le"#
        let rest = #"vel":"Information","logType":"Default","timeStamp":"2024-04-01T10:02:05.1234567+09:00","processName":"住民票発行_RPA","jobId":"job-1","totalExecutionTimeInSeconds":125}"# + "\r\n"
        let path = try dir.write(Self.fileName, FileVariant.utf8BOMCRLF.encode(Array(Self.successfulRun.dropLast()) + [half], finalNewline: false))
        let april2 = LocalDate(year: 2024, month: 4, day: 2)
        func parse(on day: LocalDate, resuming resume: ResumePoint? = nil) throws -> (summary: ParseSummary, sink: CollectingSink, resume: ResumePoint) {
            let sink = CollectingSink()
            let now = LocalClock.tokyo.instant(of: day, hour: 0, minute: 5, second: 0)
            let context = ParseContext(clock: .tokyo, displayPath: Self.fileName, encoding: .auto, today: day, now: now, pendingMaxAge: .infinity)
            let (summary, next) = try UiPathExecutionLogParser().parse(path: path, context: context, resumingFrom: resume, into: sink)
            return (summary, sink, next)
        }
        let justAfterMidnight = try parse(on: april2)
        #expect(justAfterMidnight.sink.rejections.isEmpty, "left for the next run")
        #expect(justAfterMidnight.summary.recordsRead == 2)
        #expect(justAfterMidnight.resume.line == 3, "the next run starts at the half line")
        #expect(justAfterMidnight.sink.events.isEmpty)
        #expect(justAfterMidnight.summary.pendingRuns == 1)

        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(rest.utf8))
        try handle.close()
        let nextNight = try parse(on: april2.adding(days: 1), resuming: justAfterMidnight.resume)
        #expect(nextNight.sink.rejections.isEmpty)
        #expect(nextNight.sink.events.map(\.outcome) == [.success])
        #expect(nextNight.sink.events.first?.machineSeconds == 125)

        try FileVariant.utf8BOMCRLF.encode(Array(Self.successfulRun.dropLast()) + [half], finalNewline: false).write(to: URL(fileURLWithPath: path))
        let aDayLater = try parse(on: april2.adding(days: 1))
        // The cut line is an Info line (its prefix says so): not the Error line that would fail the run, which, without its
        // end, never finished.
        #expect(aDayLater.sink.rejectedLines == [3])
        #expect(aDayLater.sink.rejections.first?.reason.contains("cut off") == true)
        #expect(aDayLater.sink.events.map(\.outcome) == [.unfinished])
    }

    @Test func withoutATimeStampTheFileDateAndTheLinesTimeAreUsed() throws {
        let lines = [
            L.make("09:05:00.5000", message: "住民票発行_RPA execution started", timeStamp: nil),
            L.make("09:06:00.0000", message: "住民票発行_RPA execution ended", timeStamp: nil,
                   extra: #""totalExecutionTimeInSeconds":59"#),
        ]
        let (_, sink) = try Self.parse(lines)
        let event = try #require(sink.events.first)
        // 2024-04-01 09:05:00.5 JST = 00:05:00.5Z.
        #expect(sameInstant(event.epoch, Self.midnight + 9 * 3600 + 300.5))
        #expect(event.outcome == .success)
        // Without a date in the file name there is no time at all: the lines are rejected.
        let undated = try Self.parse(lines, name: "robot_Execution.log")
        #expect(undated.sink.rejectedLines == [1, 2])
        #expect(undated.sink.events.isEmpty)
    }

    @Test func aFileThatIsNotAnExecutionLogIsRejectedWhole() throws {
        let lines = ["タスクID,名前,シナリオID,シナリオ名,状態", "1,a,2,b,FINISH"]
        #expect(throws: FormatMismatch.self) { try Self.parse(lines) }
    }
}
