import Foundation
import Testing

/// The nightly job names the runs of a UiPath robot's log that were started from Studio, by file, with exit 1, and the
/// report counts only the production run: one job of 60 − 10 minutes is 0.83 h, not the 2.50 h that three runs made when
/// a developer's two test runs counted too (helper-160 #2).
struct StudioRunsJobTests {
    static func run(_ job: String, _ hour: String, by initiator: String) -> String {
        let common = #""level":"Information","logType":"Default","processName":"住民税_課税資料取込","jobId":"\#(job)""#
        return """
            \(hour):00:00.0000 Info {"message":"住民税_課税資料取込 execution started",\(common),"timeStamp":"2024-06-10T\(hour):00:00+09:00","initiatedBy":"\(initiator)"}
            \(hour):00:20.0000 Info {"message":"住民税_課税資料取込 execution ended",\(common),"timeStamp":"2024-06-10T\(hour):00:20+09:00","totalExecutionTimeInSeconds":20}

            """
    }

    @Test func studioRunsAreNamedAndNotCounted() throws {
        let city = try SmallCity("studio-runs")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,60,10,2020-04-01,住民税_課税資料取込

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*_Execution.log\"\n")
        try city.write("logs/2024-06-10_Execution.log", Self.run("j1", "09", by: "Orchestrator") + Self.run("j2", "10", by: "Studio") + Self.run("j3", "11", by: "Studio"))
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let named = try night.summary()["runsFromStudio"] as? [[String: Any]] ?? []
        #expect(named.map { $0["path"] as? String } == ["logs/2024-06-10_Execution.log"])
        #expect((named.first?["reason"] as? String)?.hasPrefix("2 run(s) started from UiPath Studio") == true, "\(named)")
        let report = try city.report(2024)
        let hours = report.json["hoursSaved"] as? [String: Any]
        #expect(hours?["total"] as? Double == 0.83, "\(String(describing: hours))")
    }
}
