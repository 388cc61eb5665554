import Foundation
import Testing

/// Through `kouka-nightly` and `kouka-report`: a task's newer baseline row does not move another task's
/// runs, and a name a newer row dropped is labelled as such, not as before-valid-from.
@Suite(.serialized) struct TaskPrecedenceJobTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-precedence-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T1,国保の届出,保険年金課,rpa,runs,60,0,2024-04-01,国保*|旧_国保照会
            T2,国保資格の確認,保険年金課,rpa,runs,6,0,2024-04-01,国保資格*
            T1,国保の届出,保険年金課,rpa,runs,50,0,2024-10-01,国保*

            """.utf8).write(to: root.appendingPathComponent("catalog.csv"))
        try Data("""
            ロボット名,開始日時
            国保資格確認,2024-09-30 10:00:00
            国保資格確認,2024-10-01 10:00:00
            国保年金,2024-09-30 11:00:00
            国保年金,2024-10-01 11:00:00
            旧_国保照会,2024-09-30 12:00:00
            旧_国保照会,2024-10-01 12:00:00

            """.utf8).write(to: root.appendingPathComponent("logs/robot.csv"))
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "rpa-csv"
            path = "logs/robot.csv"
            [source.columns]
            task = "ロボット名"
            start = "開始日時"
            """.utf8).write(to: root.appendingPathComponent("kouka.toml"))
    }

    @Test func theChangeDayMovesNoRunAndTheDroppedNameIsSaidToBeDropped() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("kouka.toml").path
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(nightly.exitCode == 1, "旧_国保照会 on 10-01 is unmapped: a finding. \(nightly.stderr)")
        let unmappedTonight = try nightly.summary()["unmapped"] as? [[String: Any]] ?? []
        #expect(unmappedTonight.map { $0["name"] as? String } == ["旧_国保照会"])
        #expect(unmappedTonight.first?["runs"] as? Int == 1)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
        #expect(report.exitCode == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.json"))) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        // By hand. 国保資格確認 matches 国保* (T1) and 国保資格* (T2); 国保資格* is the more specific, so both
        // runs are T2's: 2 × 6 min = 12 min = 0.20 h (the old rule gave T1 60 min on 09-30: 1.10 h).
        // 国保年金 is T1's only: 09-30 under the April row, 60 min; 10-01 under the October row, 50 min.
        // 旧_国保照会 on 09-30 is T1's (listed in the April row): 60 min. T1: 3 runs, 170 min = 2.83 h.
        let t1 = try #require(tasks.first { $0["task"] as? String == "T1" })
        let t2 = try #require(tasks.first { $0["task"] as? String == "T2" })
        #expect(t2["successes"] as? Int == 2)
        #expect(t2["hoursSaved"] as? Double == 0.2)
        #expect(t1["successes"] as? Int == 3)
        #expect(t1["hoursSaved"] as? Double == 2.83)
        // Total: 182 min = 3.03 h.
        #expect((json["hoursSaved"] as? [String: Any])?["total"] as? Double == 3.03)
        // 旧_国保照会 on 10-01: T1's October row no longer lists it and nothing else matches it. It was
        // matched before, so it is not "before-valid-from".
        let unmapped = try #require(json["unmapped"] as? [[String: Any]])
        #expect(unmapped.count == 1)
        #expect(unmapped.first?["name"] as? String == "旧_国保照会")
        #expect(unmapped.first?["runs"] as? Int == 1)
        #expect(unmapped.first?["reason"] as? String == "no-longer-matched")
    }
}
