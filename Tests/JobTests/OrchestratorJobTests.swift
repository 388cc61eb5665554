import Foundation
import Testing

/// Issue 14 item 6, through the built jobs: Orchestrator jobs and queue items from overlapping exports (an
/// OData answer and a later CSV export holding some of the same jobs) are each counted once by their Key.
@Suite(.serialized) struct OrchestratorJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T1,住民票交付の集計,市民課,rpa,runs,60,0,30,2020-04-01,住民票_交付集計_本番
        T2,国保申請の入力,保険年金課,rpa,items,12,0,3,2020-04-01,12

        """

    @Test func overlappingExportsCountEachJobOnce() throws {
        let city = try SmallCity("orchestrator")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "uipath-orchestrator"
            path = "logs/orchestrator/*"
            """)
        try city.write("logs/orchestrator/jobs-0501.json", """
            {"@odata.context":"https://orchestrator.city.lg.jp/odata/$metadata#Jobs","@odata.count":3,"value":[
            {"Key":"j1","ReleaseName":"住民票_交付集計_本番","State":"Successful","StartTime":"2024-05-01T00:00:00Z","EndTime":"2024-05-01T00:10:00Z","HostMachineName":"RPA-SV01"},
            {"Key":"j2","ReleaseName":"住民票_交付集計_本番","State":"Successful","StartTime":"2024-05-01T01:00:00Z","EndTime":"2024-05-01T01:05:00Z","HostMachineName":"RPA-SV01"},
            {"Key":"j3","ReleaseName":"住民票_交付集計_本番","State":"Faulted","StartTime":"2024-05-01T02:00:00Z","EndTime":"2024-05-01T02:01:00Z","HostMachineName":"RPA-SV01"}
            ]}
            """)
        try city.write("logs/orchestrator/jobs-0502.csv", """
            Key,ReleaseName,State,StartTime,EndTime,HostMachineName
            j2,住民票_交付集計_本番,Successful,2024-05-01T01:00:00Z,2024-05-01T01:05:00Z,RPA-SV01
            j3,住民票_交付集計_本番,Faulted,2024-05-01T02:00:00Z,2024-05-01T02:01:00Z,RPA-SV01
            j4,住民票_交付集計_本番,Successful,2024-05-02T00:00:00Z,2024-05-02T00:10:00Z,RPA-SV02
            j5,住民票_交付集計_本番,Running,2024-05-02T03:00:00Z,,RPA-SV02

            """)
        try city.write("logs/orchestrator/queueitems.jsonl", """
            {"Key":"q1","QueueDefinitionId":12,"Status":"Successful","StartProcessing":"2024-05-01T00:01:00Z","EndProcessing":"2024-05-01T00:02:00Z"}
            {"Key":"q2","QueueDefinitionId":12,"Status":"Successful","StartProcessing":"2024-05-01T00:03:00Z","EndProcessing":"2024-05-01T00:04:00Z"}
            {"Key":"q3","QueueDefinitionId":12,"Status":"Failed","StartProcessing":"2024-05-01T00:05:00Z","EndProcessing":"2024-05-01T00:06:00Z"}
            {"Key":"q4","QueueDefinitionId":12,"Status":"Retried","StartProcessing":"2024-05-01T00:07:00Z","EndProcessing":"2024-05-01T00:08:00Z"}

            """)
        let nightly = try city.nightly()
        // Job j5 has been Running since 2024: past pending_max_hours, it never finished — a finding (exit 1).
        #expect(nightly.exitCode == 1, "\(nightly.stdout)\(nightly.stderr)")
        let summary = try nightly.summary()
        #expect(summary["runsUnfinished"] as? Int == 1)
        let (code, fy2024) = try city.report(2024)
        #expect(code == 0)
        let tasks = SmallCity.tasks(fy2024)
        // By hand. T1: j1, j2, j4 succeeded (j2 is in both files, counted once) = 3 × 60 min; j3 faulted (in both
        // files, once) and j5 unfinished = 2 failures × 30 min rework: 180 − 60 = 120 min = 2 h.
        #expect(tasks["T1"]?["successes"] as? Int == 3)
        #expect(tasks["T1"]?["failures"] as? Int == 2)
        #expect(tasks["T1"]?["unfinished"] as? Int == 1)
        #expect(tasks["T1"]?["hoursSaved"] as? Double == 2)
        // T2: items q1, q2 succeeded = 2 × 12 min; q3 failed and q4 retried (a failed attempt) = 2 × 3 min:
        // 24 − 6 = 18 min = 0.3 h.
        #expect(tasks["T2"]?["successes"] as? Int == 2)
        #expect(tasks["T2"]?["failures"] as? Int == 2)
        let hours = try #require(tasks["T2"]?["hoursSaved"] as? Double)
        #expect(abs(hours - 0.3) < 1e-9)
    }
}
