import Foundation
import Kouka
import Testing

/// A rejected row carries the day of its own run where the row says it, read as its format reads a run's
/// day, so that each year's report counts the rejections of its own dates; a row whose date cannot be read
/// carries none ("date unknown"), and neither does a record too broken for its columns to be trusted.
@Suite struct RejectedRowDayTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// `lines` as a WinActor export in Shift_JIS, read whole or in parts of a byte (every row its own part).
    static func parseWinActor(_ lines: [String], split: Bool) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", FileVariant.shiftJISCRLF.encode(lines))
        let sink = CollectingSink()
        let parser = split ? WinActorTaskCSVParser(splitBytes: 1) : WinActorTaskCSVParser()
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    /// The rejections' lines and days, in order.
    static func dated(_ sink: CollectingSink) -> [String] {
        sink.rejections.map { "\($0.line):\($0.day?.description ?? "unknown")" }
    }

    @Test(arguments: [false, true])
    func winActorRowsAreDatedByTheirStartOrACancelledTasksSchedule(split: Bool) throws {
        typealias W = WinActorTaskCSVParserTests
        let lines = [
            W.header,
            W.task(1, "FINISH", start: "2024/05/01 09:00:00"),
            W.task(2, "BROKEN", start: "2022/05/01 09:00:00"),
            W.task(3, "FINISH", start: "2022/13/45 09:00:00"),
            W.task(4, "CANCEL", scenario: "", start: "", extra: ["実行予定日時": "2024/03/31 23:30:00"]),
            "5,\"broken,501",
            W.task(6, "BROKEN", start: "2025/03/31 23:59:59"),
        ]
        let sink = try Self.parseWinActor(lines, split: split)
        #expect(sink.events.count == 1)
        #expect(Self.dated(sink) == ["3:2022-05-01", "4:unknown", "5:2024-03-31", "6:unknown", "7:2025-03-31"])
    }

    /// An export whose header ends in a delimiter, a row of the named columns only with an エラー cell over three lines: one
    /// row whose quote closed, read whole or in two parts, not an unclosed quote whose lines are read again (helper-171 #3).
    @Test(arguments: [false, true])
    func aRowOfTheNamedColumnsOnlyOverSeveralLinesIsOneTask(split: Bool) throws {
        typealias W = WinActorTaskCSVParserTests
        let lines = [
            W.header + ",",
            W.task(1, "ERROR", start: "2024/05/01 09:00:00", extra: ["エラー": "画面が見つかりません\n再実行\n2024/05/01 09:10:00"]),
            W.task(2, "FINISH", start: "2024/05/02 09:00:00"),
        ]
        let sink = try Self.parseWinActor(lines, split: split)
        #expect(sink.rejections.isEmpty, "\(sink.rejections)")
        #expect(sink.events.count == 2)
    }

    /// The lines a rejection's reason names are the file's, whether it was read whole or in parts (helper-173 F3: the
    /// second part's reasons counted lines from the part's start).
    @Test func aReasonNamesTheFilesLinesWhenReadInParts() throws {
        typealias W = WinActorTaskCSVParserTests
        // Task 21's WinActor name opens a quote that task 22's エラー closes: a record of another width, in the file's second half.
        let day = { (n: Int) in "2024/05/\(n < 10 ? "0" : "")\(n) 09:00:00" }
        let lines = [W.header] + (1...20).map { W.task($0, "FINISH", start: day($0)) }
            + [W.task(21, "ERROR", start: day(21)).replacingOccurrences(of: ",市民課PC-01,", with: ",\"市民課PC-01,"),
               W.task(22, "FINISH", start: day(22), extra: ["エラー": "ZZZ"]).replacingOccurrences(of: ",ZZZ,", with: ",ZZZ\","),
               W.task(23, "FINISH", start: day(23))]
        let whole = try Self.parseWinActor(lines, split: false).rejections
        let parts = try Self.parseWinActor(lines, split: true).rejections
        #expect(!whole.isEmpty && whole.allSatisfy { $0.reason.contains("line ") }, "\(whole)")
        #expect(parts.map { "\($0.line) \($0.reason)" } == whole.map { "\($0.line) \($0.reason)" })
    }

    @Test func aMappedRobotRowWithoutAStartIsDatedByItsEndLessItsDuration() throws {
        let options = SourceOptions(columns: ["task": "ロボット名", "start": "開始", "end": "終了", "duration": "秒", "status": "結果"],
                                    values: ["success": ["OK"]])
        let (_, sink) = try RobotCSVParserTests.parse(Data("""
            ロボット名,開始,終了,秒,結果
            取込,2023/06/01 10:00:00,,,不明
            取込,,2024/04/01 00:10:00,1200,不明
            取込,,2024/04/01 00:10:00,,不明
            取込,昨日,,,OK

            """.utf8), options: options)
        // 00:10 less 20 minutes is 23:50 on March 31: FY2023, as the run would have counted.
        #expect(Self.dated(sink) == ["2:2023-06-01", "3:2024-03-31", "4:unknown", "5:unknown"])
    }

    @Test func aMappedChatbotRowIsDatedByItsTimeColumn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("c.csv", Data("""
            日時,カテゴリ,回答状況,有人対応
            2024/05/01 10:00:00,ごみ,たぶん,なし
            ,ごみ,回答済,なし

            """.utf8))
        let sink = CollectingSink()
        _ = try ChatbotCSVParser(options: ChatbotParserTests.csvOptions).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(Self.dated(sink) == ["2:2024-05-01", "3:unknown"])
    }

    @Test func flowSessionsAreDatedByTheirStartInTokyoInCSVAndJSON() throws {
        let header = PowerAutomateFlowSessionParserTests.csvHeader
        // 2024-03-31T15:30:00Z is 00:30 on April 1 in Tokyo.
        let csv = [header, "0001,国保_異動,2024-03-31T15:30:00Z,,,,,2,99,,", "0002,国保_異動,,2024-04-01T01:00:00Z,30,,,2,99,,",
                   "0003,国保_異動,いつか,,,,,2,4,,"]
        let (_, fromCSV) = try PowerAutomateFlowSessionParserTests.parse("f.csv", FileVariant.utf8LF.encode(csv))
        #expect(Self.dated(fromCSV) == ["2:2024-04-01", "3:2024-04-01", "4:unknown"])

        let json = """
            {"flowsessionid": "1", "name": "国保_異動", "startedon": "2024-03-31T14:59:59Z", "statuscode": 99}
            [1, 2]
            {"flowsessionid": "3", "name": "", "startedon": "2024-03-31T15:00:00Z", "statuscode": 4}

            """
        let (_, fromJSON) = try PowerAutomateFlowSessionParserTests.parse("f.jsonl", Data(json.utf8))
        #expect(Self.dated(fromJSON) == ["1:2024-03-31", "2:unknown", "3:2024-04-01"])
    }

    @Test func aUiPathLineIsDatedByItsTimeStampElseByTheLogsName() throws {
        typealias L = ExecutionLogLine
        let lines = [
            L.make("10:00:00.0000", message: "x", timeStamp: "2024-04-01T10:00:00+09:00", job: nil),
            "not a log line at all",
            L.make("10:00:02.0000", message: "x", timeStamp: nil, process: nil),
        ]
        let (_, sink) = try UiPathExecutionLogParserTests.parse(["10:00:00.0000 Info {}"] + lines, name: "2023-12-24_Execution.log")
        #expect(Self.dated(sink) == ["1:2023-12-24", "2:2024-04-01", "3:2023-12-24", "4:2023-12-24"])
    }

    @Test func aTranslationRecordIsDatedByItsTimeInCSVAndJSON() throws {
        let options = SourceOptions(columns: ["time": "日時", "characters": "文字数"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let csv = try dir.write("t.csv", Data("日時,文字数\n2024/06/01 09:00:00,多い\n,100\n".utf8))
        let json = try dir.write("t.jsonl", Data("""
            {"日時": "2022-06-01T09:00:00+09:00", "文字数": "多い"}
            "text"

            """.utf8))
        for (path, expected) in [(csv, ["2:2024-06-01", "3:unknown"]), (json, ["1:2022-06-01", "2:unknown"])] {
            let sink = CollectingSink()
            _ = try TranslationUsageParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
            #expect(Self.dated(sink) == expected, "\(path)")
        }
    }
}
