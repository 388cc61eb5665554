import Foundation
import Kouka
import Testing

/// A robot writes its run's first and last messages in its Windows/Studio language. The end line is known by
/// its totals, whatever the language; a run that never ends is `unfinished`, never a silent failure.
struct UiPathRobotLanguageTests {
    typealias L = ExecutionLogLine

    /// A robot language: the messages of a run's first and last lines for process `P`.
    struct Language: CustomTestStringConvertible, Sendable {
        var name: String
        var started: String
        var ended: String
        var testDescription: String { name }
    }

    static let languages = [
        Language(name: "English", started: "P execution started", ended: "P execution ended"),
        Language(name: "Japanese", started: "P の実行が開始されました", ended: "P の実行が終了しました"),
        // A language Kouka has no phrases for: the end line is still known by its totals.
        Language(name: "French", started: "Exécution de P démarrée", ended: "Exécution de P terminée"),
        Language(name: "Chinese", started: "P 执行开始", ended: "P 执行结束"),
    ]

    static func parse(_ files: [String: [String]], reading name: String, today: LocalDate) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (file, lines) in files { try dir.write(file, FileVariant.utf8BOMCRLF.encode(lines)) }
        let sink = CollectingSink()
        _ = try UiPathExecutionLogParser().parse(path: dir.path(name), context: tokyoContext(dir.path(name), today: today), into: sink)
        return sink
    }

    @Test(arguments: languages)
    func aRunThatEndedSucceededInEveryLanguage(language: Language) throws {
        let lines = [
            L.make("10:00:00.0000", message: language.started, timeStamp: "2024-04-01T10:00:00+09:00", process: "P"),
            L.make("10:01:00.0000", message: "入力", logType: "User", timeStamp: "2024-04-01T10:01:00+09:00", process: "P"),
            L.end("10:02:05.0000", timeStamp: "2024-04-01T10:02:05+09:00", seconds: 125, process: "P", message: language.ended),
        ]
        let sink = try Self.parse(["2024-04-01_Execution.log": lines], reading: "2024-04-01_Execution.log", today: LocalDate(year: 2024, month: 4, day: 2))
        #expect(sink.rejections == [])
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(sink.events.map(\.machineSeconds) == [125])
        // 2024-04-01 10:00 JST = 01:00Z = 1,711,933,200.
        #expect(sink.events.map(\.epoch) == [1_711_933_200])
    }

    @Test(arguments: languages)
    func anEndLineWithOnlyTheTotalAsTextIsStillTheEnd(language: Language) throws {
        let lines = [
            L.make("10:00:00.0000", message: language.started, timeStamp: "2024-04-01T10:00:00+09:00", process: "P"),
            L.end("10:00:30.0000", timeStamp: "2024-04-01T10:00:30+09:00", seconds: 30, process: "P", message: language.ended, withSeconds: false),
        ]
        let sink = try Self.parse(["2024-04-01_Execution.log": lines], reading: "2024-04-01_Execution.log", today: LocalDate(year: 2024, month: 4, day: 2))
        #expect(sink.events.map(\.outcome) == [.success])
    }

    @Test(arguments: languages)
    func aRunPastMidnightCountsOnceOnTheDayItStarted(language: Language) throws {
        let day1 = [
            L.make("23:50:00.0000", message: language.started, timeStamp: "2024-04-01T23:50:00+09:00", process: "P", job: "night"),
            L.make("23:55:00.0000", message: "入力", logType: "User", timeStamp: "2024-04-01T23:55:00+09:00", process: "P", job: "night"),
        ]
        let day2 = [
            L.make("00:05:00.0000", message: "入力", logType: "User", timeStamp: "2024-04-02T00:05:00+09:00", process: "P", job: "night"),
            L.end("00:10:00.0000", timeStamp: "2024-04-02T00:10:00+09:00", seconds: 1200, process: "P", job: "night", message: language.ended),
        ]
        let files = ["2024-04-01_Execution.log": day1, "2024-04-02_Execution.log": day2]
        let today = LocalDate(year: 2024, month: 4, day: 3)
        let first = try Self.parse(files, reading: "2024-04-01_Execution.log", today: today)
        #expect(first.events.map(\.outcome) == [.success])
        #expect(first.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) } == [LocalDate(year: 2024, month: 4, day: 1)])
        // The second day's log holds the same run's later lines: counted where it started, not again here.
        let second = try Self.parse(files, reading: "2024-04-02_Execution.log", today: today)
        #expect(second.events.isEmpty)
        #expect(second.rejections.isEmpty)
    }

    /// A run that crossed two midnights: its start, a line the day after, its end the day after that. Counted once, as it
    /// ended, on the day it started; the logs after leave it to that one, without a rejection, whatever the language.
    @Test(arguments: languages)
    func aRunPastTwoMidnightsCountsOnceOnTheDayItStarted(language: Language) throws {
        let files = [
            "2025-03-31_Execution.log": [
                L.make("23:50:00.0000", message: language.started, timeStamp: "2025-03-31T23:50:00+09:00", process: "P", job: "long"),
            ],
            "2025-04-01_Execution.log": [
                L.make("12:00:00.0000", message: "入力", logType: "User", timeStamp: "2025-04-01T12:00:00+09:00", process: "P", job: "long"),
            ],
            "2025-04-02_Execution.log": [
                L.end("00:20:00.0000", timeStamp: "2025-04-02T00:20:00+09:00", seconds: 88_200, process: "P", job: "long", message: language.ended),
            ],
        ]
        let today = LocalDate(year: 2025, month: 4, day: 5)
        let first = try Self.parse(files, reading: "2025-03-31_Execution.log", today: today)
        #expect(first.events.map(\.outcome) == [.success])
        #expect(first.events.first?.machineSeconds == 88_200)
        #expect(first.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) } == [LocalDate(year: 2025, month: 3, day: 31)])
        for later in ["2025-04-01_Execution.log", "2025-04-02_Execution.log"] {
            let sink = try Self.parse(files, reading: later, today: today)
            #expect(sink.events.isEmpty, "\(later)")
            #expect(sink.rejections.isEmpty, "\(later)")
        }
    }

    /// A robot whose start message Kouka does not know, with one job id on two days, each run with its own end: the second
    /// day's lines are not the first day's run going on. They are not counted twice, nor left to the first day unsaid:
    /// rejected, with the reason.
    @Test func aJobIdThatEndedTheDayBeforeAndEndsAgainIsRejectedNotDropped() throws {
        let french = Self.languages[2]
        func day(_ date: String) -> [String] {
            [L.make("09:00:00.0000", message: french.started, timeStamp: "\(date)T09:00:00+09:00", process: "P", job: "same"),
             L.end("09:10:00.0000", timeStamp: "\(date)T09:10:00+09:00", seconds: 600, process: "P", job: "same", message: french.ended)]
        }
        let files = ["2024-04-01_Execution.log": day("2024-04-01"), "2024-04-02_Execution.log": day("2024-04-02")]
        let today = LocalDate(year: 2024, month: 4, day: 3)
        #expect(try Self.parse(files, reading: "2024-04-01_Execution.log", today: today).events.map(\.outcome) == [.success])
        let second = try Self.parse(files, reading: "2024-04-02_Execution.log", today: today)
        #expect(second.events.isEmpty)
        #expect(second.rejections.map(\.line) == [1])
        #expect(second.rejections.first?.reason.hasPrefix("jobId same already ended in 2024-04-01_Execution.log") == true)
    }

    /// The id's second run goes on past midnight into the next day's log: it ends there, not here, and was left to the
    /// day before's log (which counted another run) with no word.
    @Test func aJobIdThatEndedTheDayBeforeAndRunsPastMidnightIsRejectedNotDropped() throws {
        let french = Self.languages[2]
        let files = [
            "2024-04-01_Execution.log": [
                L.make("09:00:00.0000", message: french.started, timeStamp: "2024-04-01T09:00:00+09:00", process: "P", job: "same"),
                L.end("09:10:00.0000", timeStamp: "2024-04-01T09:10:00+09:00", seconds: 600, process: "P", job: "same", message: french.ended),
            ],
            "2024-04-02_Execution.log": [L.make("23:50:00.0000", message: french.started, timeStamp: "2024-04-02T23:50:00+09:00", process: "P", job: "same")],
            "2024-04-03_Execution.log": [
                L.end("00:20:00.0000", timeStamp: "2024-04-03T00:20:00+09:00", seconds: 1800, process: "P", job: "same", message: french.ended),
            ],
        ]
        let second = try Self.parse(files, reading: "2024-04-02_Execution.log", today: LocalDate(year: 2024, month: 4, day: 5))
        #expect(second.events.isEmpty)
        #expect(second.rejections.map(\.line) == [1])
        #expect(second.rejections.first?.reason.hasPrefix("jobId same already ended in 2024-04-01_Execution.log") == true)
    }

    @Test(arguments: languages)
    func aRunWithoutAnEndIsUnfinishedAndOneWithAnErrorFailed(language: Language) throws {
        let lines = [
            L.make("09:00:00.0000", message: language.started, timeStamp: "2024-04-01T09:00:00+09:00", process: "P", job: "stopped"),
            L.make("09:01:00.0000", message: language.started, timeStamp: "2024-04-01T09:01:00+09:00", process: "P", job: "errored"),
            L.make("09:02:00.0000", "Error", message: "System.Exception", levelName: "Error", timeStamp: "2024-04-01T09:02:00+09:00",
                   process: "P", job: "errored"),
            L.end("09:03:00.0000", timeStamp: "2024-04-01T09:03:00+09:00", seconds: 120, process: "P", job: "errored", message: language.ended),
        ]
        let sink = try Self.parse(["2024-04-01_Execution.log": lines], reading: "2024-04-01_Execution.log", today: LocalDate(year: 2024, month: 4, day: 3))
        #expect(sink.events.map(\.outcome) == [.unfinished, .failure])
    }
}
