import Foundation
import Testing

/// Issue 14 item 7, through the built jobs: cloud flow runs saved from Dataverse's `flowrun` table in
/// overlapping files (a Web API answer and a maker portal export) are counted once by their id, and a child
/// flow's run only with its parent.
@Suite(.serialized) struct FlowRunJobTests {
    @Test func overlappingSavesCountEachRunOnceAndChildRunsWithTheirParent() throws {
        let city = try SmallCity("flowrun")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T1,住民税通知書の送付,税務課,rpa,runs,20,0,10,2020-04-01,住民税_通知書送付
            T2,PDFの作成,税務課,rpa,runs,600,0,0,2020-04-01,子フロー_PDF作成

            """)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowrun"
            path = "logs/flowruns/*"
            """)
        try city.write("logs/flowruns/flowruns-0501.json", """
            {"@odata.context":"https://city.crm7.dynamics.com/api/data/v9.2/$metadata#flowruns","value":[
            {"name":"r1","workflowname":"住民税_通知書送付","starttime":"2024-05-01T00:00:00Z","endtime":"2024-05-01T00:02:00Z","status":"Succeeded","parentrunid":null},
            {"name":"r2","workflowname":"子フロー_PDF作成","starttime":"2024-05-01T00:00:10Z","endtime":"2024-05-01T00:01:00Z","status":"Succeeded","parentrunid":"r1"},
            {"name":"r3","workflowname":"住民税_通知書送付","starttime":"2024-05-01T01:00:00Z","endtime":"2024-05-01T01:00:30Z","status":"Failed","parentrunid":null}
            ]}
            """)
        try city.write("logs/flowruns/flowruns-0502.csv", """
            Name,Workflow name,Start time,End time,Status,Parent run id
            r1,住民税_通知書送付,2024-05-01T00:00:00Z,2024-05-01T00:02:00Z,Succeeded,
            r3,住民税_通知書送付,2024-05-01T01:00:00Z,2024-05-01T01:00:30Z,Failed,
            r8,住民税_通知書送付,2024-05-02T00:00:00Z,2024-05-02T00:05:00Z,Succeeded,

            """)
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 1, "a repeated run is a finding: \(nightly.stdout)\(nightly.stderr)")
        let (code, fy2024) = try city.report(2024)
        #expect(code == 0)
        let tasks = SmallCity.tasks(fy2024)
        // By hand: r1 and r8 succeeded (r1 is in both files, counted once) = 2 × 20 min; r3 failed (in both, once)
        // = 1 × 10 min rework: 40 − 10 = 30 min = 0.5 h. The child run r2 is part of r1: T2 gets nothing
        // (counted on its own, it would have given T2 600 min).
        #expect(tasks["T1"]?["successes"] as? Int == 2)
        #expect(tasks["T1"]?["failures"] as? Int == 1)
        #expect(tasks["T1"]?["hoursSaved"] as? Double == 0.5)
        #expect(tasks["T2"] == nil)
    }
}
