import Foundation
import Testing

/// helper-99 #1: UiPath work read twice. A job read from the robot's Execution.log (its `jobId`) and from Orchestrator's `/odata/Jobs` answer
/// (its `Key`, the same id) counted twice: one 50-minute job reported as 2 runs, 1.67 h, by every job with exit 0. Right: the
/// nightly run names the pair (exit 1) and no report or target audit is made from the store (65) until one source is taken
/// out and the store built again; then the job counts once, 0.83 h.
@Suite(.serialized) struct UiPathWorkCountedTwiceTests {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-twice-\(UUID().uuidString)")
    let job = "a0000001-0000-4000-8000-000000000001"
    let process = "住民税_取込"

    func write(_ name: String, _ data: Data) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func line(_ time: String, _ message: String, ended: Bool = false, transaction: String? = nil) -> String {
        var extra = ended ? #", "totalExecutionTimeInSeconds": 600, "totalExecutionTime": "00:10:00""# : ""
        if let transaction { extra += #", "queueName": "支給", "transactionID": "\#(transaction)", "transactionState": "Ended", "transactionStatus": "Successful""# }
        return #"\#(time).0000 Info {"message": "\#(message)", "level": "Information", "logType": "Default", "timeStamp": "2024-10-01T\#(time).0000000+09:00", "fingerprint": "f", "windowsIdentity": "CITY\\robot01", "machineName": "RPA-SV01", "fileName": "Main", "initiatedBy": "Orchestrator", "processName": "\#(process)", "processVersion": "1.0.0", "jobId": "\#(job)", "robotName": "robot01", "machineId": 4711, "organizationUnitId": 12\#(extra)}"#
    }

    func city(readingBoth: Bool) throws -> String {
        try write("catalog.csv", Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            R1,住民税取込,税務課,rpa,runs,60,10,5,2020-04-01,\(process)

            """.utf8))
        try write("uipath/2024-10-01_Execution.log", Data([0xEF, 0xBB, 0xBF]) + Data((line("09:00:00", "\(process) execution started") + "\r\n"
            + line("09:10:00", "\(process) execution ended", ended: true) + "\r\n").utf8))
        try write("orchestrator/jobs.json", Data(#"""
            {"@odata.context": "https://orch/odata/$metadata#Jobs", "@odata.count": 1, "value": [{"Key": "\#(job)", "Id": 101, "ReleaseName": "\#(process)",
             "State": "Successful", "CreationTime": "2024-10-01T00:00:00Z", "StartTime": "2024-10-01T00:00:00Z", "EndTime": "2024-10-01T00:10:00Z"}]}
            """#.utf8))
        return try configuration(readingBoth: readingBoth)
    }

    /// The robots' logs, and with `readingBoth` Orchestrator's exports too.
    func configuration(readingBoth: Bool) throws -> String {
        let orchestrator = readingBoth ? "[[source]]\nformat = \"uipath-orchestrator\"\npath = \"orchestrator/*.json\"\n" : ""
        try write("kouka.toml", Data("""
            timezone = "Asia/Tokyo"
            database = "out/kouka.sqlite"
            catalog = "catalog.csv"
            output = "out/reports"
            [[source]]
            format = "uipath-execution-log"
            path = "uipath/*_Execution.log"
            \(orchestrator)
            """.utf8))
        return root.appendingPathComponent("kouka.toml").path
    }

    /// The variant of queue items: a robot's job handled three items (its log's transactions), and Orchestrator's
    /// `/odata/QueueItems` answer holds the same three, their `Key` the log's `transactionID`; the catalog maps both the
    /// process and the queue (`|77`) to one task, counted in items. They counted 6 items. Right: the task named, no report.
    /// helper-102 #1: a job begun at 23:58 has its items on its start's day in the log, on the next day in the export (each
    /// item's own time): one day apart, they passed. The second case is that job.
    @Test(arguments: [("09:0", "2024-10-01T00:0"), ("23:5", "2024-10-01T15:0")])
    func aTasksQueueItemsInRobotsLogsAndAnOrchestratorExportStopEveryReport(logMinute: String, exportMinute: String) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("catalog.csv", Data("""
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            R3,給付金支給,福祉課,rpa,items,6,0,1,2020-04-01,\(process)|77

            """.utf8))
        let items = ["b0000001-0000-4000-8000-000000000001", "b0000001-0000-4000-8000-000000000002", "b0000001-0000-4000-8000-000000000003"]
        try write("uipath/2024-10-01_Execution.log", Data([0xEF, 0xBB, 0xBF]) + Data(([line("\(logMinute)0:00", "\(process) execution started")]
            + items.enumerated().map { line("\(logMinute)\($0.offset + 1):00", "Transaction ended", transaction: $0.element) }
            + [line("\(logMinute)8:00", "\(process) execution ended", ended: true)]).joined(separator: "\r\n").utf8 + Data("\r\n".utf8)))
        try write("orchestrator/items.json", Data(("{\"value\": [" + items.enumerated().map { #"{"Key": "\#($0.element)", "QueueDefinitionId": 77, "Status": "Successful", "StartProcessing": "\#(exportMinute)\#($0.offset + 1):00Z", "EndProcessing": "\#(exportMinute)\#($0.offset + 1):30Z"}"# }
            .joined(separator: ", ") + "]}").utf8))
        let config = try configuration(readingBoth: true)
        let night = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(night.exitCode == 1)
        let named = try #require(try night.summary()["uiPathWorkCountedTwice"] as? [[String: Any]])
        #expect(named.map { $0["path"] as? String } == ["task R3"])
        #expect((named.first?["reason"] as? String)?.contains("on 1 day(s), the first 2024-10-0") == true)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"])
        #expect(report.exitCode == 65)
        #expect(report.stderr.contains("the queue items of task R3 are counted both from an Orchestrator export and from the robots' logs"))
    }

    @Test func aJobInARobotsLogAndAnOrchestratorExportStopsEveryReport() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try city(readingBoth: true)
        let night = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(night.exitCode == 1)
        let named = try #require(try night.summary()["uiPathWorkCountedTwice"] as? [[String: Any]])
        #expect(named.map { $0["path"] as? String } == ["orchestrator/jobs.json"])
        #expect((named.first?["reason"] as? String)?.contains("counts 1 UiPath job(s) that the robot's log uipath/2024-10-01_Execution.log counts too") == true)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"])
        #expect(report.exitCode == 65)
        #expect(report.stderr.contains("1 UiPath job(s) are counted both from a robot's log and from an Orchestrator export"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/reports/FY2024").path))
        #expect(try JobProcess.run("kouka-audit", ["targets", "--config", config, "--fiscal-year", "2024"]).exitCode == 65)

        // One source taken out and the store built again: the job counts once, 50 minutes.
        try FileManager.default.removeItem(at: root.appendingPathComponent("out"))
        _ = try city(readingBoth: false)
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        let tasks = try String(contentsOf: root.appendingPathComponent("out/reports/FY2024/kouka-FY2024-tasks.csv"), encoding: .utf8)
        #expect(tasks.contains(",0.83,"), "\(tasks)")
    }
}
