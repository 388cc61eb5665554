import Foundation
import Testing

/// A UiPath robot whose Windows/Studio language is Japanese writes its runs' first and last messages in
/// Japanese: its runs succeed in the report exactly as an English robot's do.
@Suite(.serialized) struct JapaneseRobotTests {
    let root: URL

    static func line(_ time: String, _ message: String, job: String, extra: String = "") -> String {
        let fields = [#""message":"\#(message)""#, #""level":"Information""#, #""logType":"Default""#,
                      #""timeStamp":"2024-05-01T\#(time)+09:00""#, #""processName":"住民税_課税資料取込""#, #""jobId":"\#(job)""#,
                      #""robotName":"税務課ロボ""#] + (extra.isEmpty ? [] : [extra])
        return "\(time).0000 Info {\(fields.joined(separator: ","))}"
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-japanese-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込

            """.utf8).write(to: root.appendingPathComponent("catalog.csv"))
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "uipath-execution-log"
            path = "logs/*_Execution.log"
            """.utf8).write(to: root.appendingPathComponent("kouka.toml"))
        var lines: [String] = []
        for (index, job) in ["a", "b", "c"].enumerated() {
            lines.append(Self.line("0\(index + 1):00:00", "住民税_課税資料取込 の実行が開始されました", job: job))
            lines.append(Self.line("0\(index + 1):10:00", "住民税_課税資料取込 の実行が終了しました", job: job,
                                   extra: #""totalExecutionTimeInSeconds":600,"totalExecutionTime":"00:10:00""#))
        }
        // The robot's NLog target writes UTF-8 with a BOM and CRLF.
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("logs/2024-05-01_Execution.log"))
    }

    @Test func aJapaneseRobotsRunsSucceed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("kouka.toml").path
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(nightly.exitCode == 0, "nothing to look at: three runs that ended")
        #expect(try nightly.summary()["runsUnfinished"] as? Int == 0)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
        #expect(report.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.json"))) as? [String: Any])
        let task = try #require((json["tasks"] as? [[String: Any]])?.first)
        // By hand: 3 runs × (180 − 15) min = 495 min = 8.25 h; no failure, no rework.
        #expect(task["successes"] as? Int == 3)
        #expect(task["failures"] as? Int == 0)
        #expect(task["hoursSaved"] as? Double == 8.25)
    }
}
