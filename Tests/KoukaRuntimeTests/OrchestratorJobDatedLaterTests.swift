import Foundation
import Kouka
import Testing

/// An Orchestrator job still pending is dated by its CreationTime; once run, by its StartTime, which can be the next
/// day (queued at 23:55, a robot free at 00:10) or days later (queued on Friday, run on Monday). Counted unfinished in
/// the export that saw it pending past pending_max_hours, it is taken over by the export that holds it ended, whatever
/// their days: not counted twice, once as a failure with its rework and once as a success.
@Suite struct OrchestratorJobDatedLaterTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民税課税資料の取込,税務課,rpa,runs,60,0,30,2020-04-01,住民税_課税資料取込

        """
    static let source = "[[source]]\nformat = \"uipath-orchestrator\"\npath = \"logs/*.json\"\n"

    static func job(_ key: String, _ state: String, created: String, start: String? = nil, end: String? = nil) -> String {
        let times = [("StartTime", start), ("EndTime", end)].map { name, value in value.map { "\"\(name)\":\"\($0)\"" } ?? "\"\(name)\":null" }
        return #"{"Key":"\#(key)","ReleaseName":"住民税_課税資料取込","State":"\#(state)","CreationTime":"\#(created)",\#(times.joined(separator: ","))}"#
    }

    static func export(_ jobs: [String]) -> String { #"{"value":["# + jobs.joined(separator: ",") + "]}" }

    /// k1 on May 10; k9 queued at 23:55 on May 10 (JST), pending in the first export, run at 00:10 on May 11 in the second;
    /// k3 on May 12. By hand: three successes of 60 min, 3.00 h, no failure. `names` orders the exports' names.
    @Test(arguments: [("jobs_1.json", "jobs_2.json"), ("jobs_b.json", "jobs_a.json")])
    func aJobPendingInOneExportAndRunTheNextDayCountsOnce(names: (String, String)) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/\(names.0)", Self.export([
            Self.job("k1", "Successful", created: "2024-05-10T01:00:00Z", start: "2024-05-10T01:00:00Z", end: "2024-05-10T01:10:00Z"),
            Self.job("k9", "Pending", created: "2024-05-10T14:55:00Z"),
        ]))
        // Past pending_max_hours (24 h) by June 1: k9 is counted unfinished, 60 − 30 = 30 min off.
        _ = try city.night(1)
        #expect(try city.hoursSaved() == 0.5)
        try city.write("logs/\(names.1)", Self.export([
            Self.job("k9", "Successful", created: "2024-05-10T14:55:00Z", start: "2024-05-10T15:10:00Z", end: "2024-05-10T15:20:00Z"),
            Self.job("k3", "Successful", created: "2024-05-12T01:00:00Z", start: "2024-05-12T01:00:00Z", end: "2024-05-12T01:10:00Z"),
        ]))
        let second = try city.night(2)
        #expect(second.filesReadForEndedRuns.map(\.path) == ["logs/\(names.0)"])
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.hoursSaved.total == 3)
        #expect(report.tasks.map(\.failures) == [0])
        #expect(report.tasks.map(\.successes) == [3])
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
