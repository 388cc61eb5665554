import Foundation
import Testing

/// A run that never reported its end is counted as a failure by rule, and every output says so: the nightly
/// summary (exit 1), and each report's task line, exclusions and method. A WinActor task still PROCESSING
/// with no time at all is rejected rather than left waiting unseen.
@Suite(.serialized) struct UnfinishedRunsTests {
    let root: URL

    static let header = "タスクID,名前,シナリオID,シナリオ名,状態,タスク確認状態,データ一覧ファイルID,データ一覧ファイル名,アーカイブ,ログ,異常発生時,メール送信,メール送信日時,アーカイブファイルID,生成日時,開始日時,終了日時,更新日時,実行時間（秒）,実行予定WinActorID,実行予定WinActor名,WinActorID,WinActor名,スケジュールID,スケジュール名,実行予定日時,エラー,エラーコード,スケジュール登録者,リトライカウント,個別ステージID"

    static func row(_ id: String, _ state: String, _ start: String) -> String {
        let seconds = start.isEmpty ? "" : "600"
        return "\(id),住民税_定期,sc-1,住民税_課税資料取込,\(state),確認済,,,なし,あり,停止,しない,,,\(start),\(start),\(start),\(start),\(seconds),wa,WA01,wa,WA01,s1,定期,\(start),,,情報政策課,0,"
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-unfinished-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込

            """.utf8).write(to: root.appendingPathComponent("catalog.csv"))
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "winactor-task-csv"
            path = "logs/*.csv"
            """.utf8).write(to: root.appendingPathComponent("kouka.toml"))
        let rows = [Self.header, Self.row("t1", "FINISH", "2024/05/01 09:00:00"), Self.row("t2", "FINISH", "2024/05/02 09:00:00"),
                    // Still PROCESSING two years later: it never finished.
                    Self.row("t3", "PROCESSING", "2024/05/03 09:00:00"),
                    // PROCESSING with no time at all: nothing could ever tell it is stuck.
                    Self.row("t4", "PROCESSING", "")]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: root.appendingPathComponent("logs/tasks.csv"))
    }

    var config: String { root.appendingPathComponent("kouka.toml").path }

    @Test func anUnfinishedRunIsAFailureThatEveryOutputStates() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(nightly.exitCode == 1)
        let summary = try nightly.summary()
        #expect(summary["runsUnfinished"] as? Int == 1)
        let unfinished = try #require((summary["unfinishedRuns"] as? [[String: Any]])?.first)
        #expect(unfinished["path"] as? String == "logs/tasks.csv")
        #expect((unfinished["reason"] as? String)?.contains("counted as failed runs (a task counted in runs saves nothing for them and is charged their rework; one counted in items keeps the items they handled") == true)
        #expect(summary["rowsRejected"] as? Int == 1)
        let rejection = try #require((summary["rejections"] as? [[String: Any]])?.first)
        #expect(rejection["line"] as? Int == 5)
        #expect((rejection["reason"] as? String)?.contains("are all empty") == true)
        #expect(summary["pendingRuns"] as? Int == 0)

        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
        #expect(report.exitCode == 0)
        let folder = root.appendingPathComponent("reports/FY2024")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("kouka-FY2024.json"))) as? [String: Any])
        // By hand: 2 runs × (180 − 15) min = 330 min, less 1 unfinished run × 30 rework min = 300 min = 5.00 h.
        let task = try #require((json["tasks"] as? [[String: Any]])?.first)
        #expect(task["hoursSaved"] as? Double == 5.0)
        #expect(task["successes"] as? Int == 2)
        #expect(task["failures"] as? Int == 1)
        #expect(task["unfinished"] as? Int == 1)
        let exclusions = try #require(json["exclusions"] as? [String: Any])
        #expect(exclusions["failedRuns"] as? Int == 1)
        #expect(exclusions["unfinishedRuns"] as? Int == 1)
        let method = try #require(json["method"] as? [String: Any])
        #expect((method["unfinished"] as? String)?.contains("pending_max_hours〔24 時間〕") == true)

        let markdown = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains("うち終了が記録されず失敗とみなした実行 1 回"))
        #expect(markdown.contains("| T01 | 住民税課税資料の取込 | 税務課 | RPA | 2 | 1 | 1 | 0 | 2 回 | 5.00 | 推計 |"))
        let html = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024.html"), encoding: .utf8)
        #expect(html.contains("うち終了が記録されず失敗とみなした実行 1 回"))
        #expect(html.contains("pending_max_hours〔24 時間〕"))
        let csv = try String(contentsOf: folder.appendingPathComponent("kouka-FY2024-tasks.csv"), encoding: .utf8)
        #expect(csv.contains("令和6年度,T01,住民税課税資料の取込,rpa,税務課,runs,2,1,1,0,2.00,5.00,estimate"))
        let sheets = try ReportFiles.xlsxSheets(folder.appendingPathComponent("kouka-FY2024.xlsx").path)
        let tasks = try #require(sheets["業務別"])
        #expect(tasks[0].last as? String == "うち未終了")
        #expect(tasks[1].last as? Double == 1)
        let overview = try #require(sheets["概要"])
        #expect(overview.contains { ($0.first as? String) == "うち終了が記録されず失敗とみなした実行（回）" && ($0[1] as? Double) == 1 })
        #expect(overview.contains { ($0.first as? String) == "算定方法: 終了が記録されなかった実行" })
    }
}
