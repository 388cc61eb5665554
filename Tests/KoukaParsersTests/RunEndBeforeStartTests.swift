import Foundation
import Kouka
import Testing

/// A run whose end is before its start is a clock or export error: its row is rejected with both columns
/// named, never counted as a run of 0 seconds, in every format that reads a start and an end.
struct RunEndBeforeStartTests {
    @Test func aWinActorTaskThatEndsBeforeItStartsIsRejected() throws {
        let (summary, sink) = try WinActorTaskCSVParserTests.parse([
            WinActorTaskCSVParserTests.header,
            WinActorTaskCSVParserTests.task(1, "FINISH", start: "2024/04/01 09:00:00", end: "2024/04/01 09:05:00"),
            WinActorTaskCSVParserTests.task(2, "FINISH", start: "2024/04/01 10:00:00", end: "2024/04/01 09:00:00"),
            WinActorTaskCSVParserTests.task(3, "ERROR", start: "2024/04/01 11:00:00", end: "2024/04/01 10:59:30"),
            WinActorTaskCSVParserTests.task(4, "FINISH", start: "2024/04/01 12:00:00", end: "2024/04/01 12:00:00"),
        ])
        #expect(summary.recordsRead == 4)
        #expect(sink.rejectedLines == [3, 4])
        #expect(sink.rejections.first?.reason == """
            column 終了日時 is 1 h 0 min 0 s before column 開始日時: a run cannot end before it starts; check the robot's clock or the export
            """)
        #expect(sink.rejections.last?.reason.hasPrefix("column 終了日時 is 30 s before column 開始日時") == true)
        #expect(sink.events.map(\.machineSeconds) == [300, 0], "a run that ends as it starts lasts 0 s")
    }

    @Test func aWinActorTaskWithItsSecondsGivenIsStillRejectedWhenItEndsBeforeItStarts() throws {
        let (_, sink) = try WinActorTaskCSVParserTests.parse([
            WinActorTaskCSVParserTests.header,
            WinActorTaskCSVParserTests.task(1, "FINISH", start: "2024/04/01 10:00:00", end: "2024/04/01 09:00:00", seconds: "200"),
            // An end that cannot be read does not matter when 実行時間（秒） gives the duration, as before.
            WinActorTaskCSVParserTests.task(2, "FINISH", start: "2024/04/01 10:00:00", end: "昨日", seconds: "200"),
            // A task cancelled before it started has only its schedule: its end is not compared with that.
            WinActorTaskCSVParserTests.task(3, "CANCEL", start: "", end: "2024/04/01 08:00:00",
                                            extra: ["実行予定日時": "2024/04/02 10:00:00"]),
        ])
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.reason.contains("column 終了日時 is 1 h 0 min 0 s before column 開始日時") == true)
        #expect(sink.events.map(\.source.line) == [3, 4])
        #expect(sink.events.map(\.machineSeconds) == [200, nil])
    }

    @Test func aRobotRunThatEndsBeforeItStartsIsRejected() throws {
        let csv = """
            ロボット名,開始日時,終了日時,結果,処理件数,担当課
            申請書入力,2024/04/01 09:00:00,2024/04/01 09:20:00,正常終了,10,市民課
            申請書入力,2024/04/01 09:00:00,2024/04/01 08:59:59,正常終了,10,市民課
            申請書入力,2024/04/02 09:00:00,2024/04/01 09:00:00,異常終了,0,市民課

            """
        let (summary, sink) = try RobotCSVParserTests.parse(Data(csv.utf8), options: RobotCSVParserTests.bizRobo)
        #expect(summary.recordsRead == 3)
        #expect(sink.rejectedLines == [3, 4])
        #expect(sink.rejections.map(\.reason) == [
            "column 終了日時 is 1 s before column 開始日時: a run cannot end before it starts; check the robot's clock or the export",
            "column 終了日時 is 24 h 0 min 0 s before column 開始日時: a run cannot end before it starts; check the robot's clock or the export",
        ])
        #expect(sink.events.map(\.machineSeconds) == [1_200])
    }

    @Test func aRobotRunWithADurationColumnIsStillRejectedWhenItEndsBeforeItStarts() throws {
        var options = RobotCSVParserTests.bizRobo
        options.columns["duration"] = "実行秒数"
        let csv = """
            ロボット名,開始日時,終了日時,実行秒数,結果,処理件数,担当課
            申請書入力,2024/04/01 09:00:00,2024/04/01 09:20:00,1200,正常終了,10,市民課
            申請書入力,2024/04/01 09:00:00,2024/04/01 08:40:00,1200,正常終了,10,市民課

            """
        let (_, sink) = try RobotCSVParserTests.parse(Data(csv.utf8), options: options)
        #expect(sink.rejectedLines == [3])
        #expect(sink.events.map(\.machineSeconds) == [1_200])
    }

    @Test(arguments: ["flows.csv", "flows.json"])
    func aFlowRunThatCompletesBeforeItStartsIsRejected(name: String) throws {
        let rows = [
            ("a", "2024-04-01T00:00:00Z", "2024-04-01T00:10:00Z", ""),
            ("b", "2024-04-01T01:00:00Z", "2024-04-01T00:59:00Z", ""),
            ("c", "2024-04-01T02:00:00Z", "2024-04-01T01:00:00Z", "600"),
        ]
        let data: Data
        if name.hasSuffix(".csv") {
            let lines = ["flowsessionid,name,startedon,completedon,runduration,statuscode"]
                + rows.map { "\($0.0),住民税_課税資料取込,\($0.1),\($0.2),\($0.3),4" }
            data = Data((lines.joined(separator: "\n") + "\n").utf8)
        } else {
            let objects = rows.map { row in
                #"{"flowsessionid": "\#(row.0)", "name": "住民税_課税資料取込", "startedon": "\#(row.1)", "completedon": "\#(row.2)", "runduration": \#(row.3.isEmpty ? "null" : row.3), "statuscode": 4}"#
            }
            data = Data(("[" + objects.joined(separator: ",\n") + "]\n").utf8)
        }
        let (_, sink) = try PowerAutomateFlowSessionParserTests.parse(name, data)
        #expect(sink.rejections.map(\.reason) == [
            "column completedon is 1 min 0 s before column startedon: a run cannot end before it starts; check the robot's clock or the export",
            "column completedon is 1 h 0 min 0 s before column startedon: a run cannot end before it starts; check the robot's clock or the export",
        ])
        #expect(sink.events.map(\.machineSeconds) == [600])
    }
}
