import Foundation
import Testing

/// Issue 13 item 8, through the built jobs: a UiPath run's failed queue item does not make a normally ended
/// run a failed one. Rework is charged per failed item under a catalog row in items and per failed run under
/// a row in runs.
@Suite(.serialized) struct UiPathFailedItemsJobTests {
    static func line(_ time: String, _ process: String, job: String, message: String = "step", level: String = "Information",
                     extra: String = "") -> String {
        let fields = [#""message":"\#(message)""#, #""level":"\#(level)""#, #""logType":"Default""#,
                      #""timeStamp":"2024-05-01T\#(time)+09:00""#, #""processName":"\#(process)""#, #""jobId":"\#(job)""#]
            + (extra.isEmpty ? [] : [extra])
        return "\(time).0000 \(level == "Error" ? "Error" : "Info") {\(fields.joined(separator: ","))}"
    }

    /// One run: its start, a transaction per status, an Error line when `fails`, and its end line.
    static func run(_ hour: Int, _ process: String, job: String, _ transactions: [String], fails: Bool = false) -> [String] {
        let at = { (minute: Int) in "1\(hour):0\(minute):00" }
        var lines = [line(at(0), process, job: job, message: "\(process) execution started")]
        for (index, status) in transactions.enumerated() {
            lines.append(line(at(index + 1), process, job: job, message: "Transaction ended", extra: #""transactionStatus":"\#(status)""#))
        }
        if fails { lines.append(line(at(7), process, job: job, message: "System exception", level: "Error")) }
        lines.append(line(at(8), process, job: job, message: "\(process) execution ended", extra: #""totalExecutionTimeInSeconds":480"#))
        return lines
    }

    @Test func failedItemsAreNoFailedRun() throws {
        let city = try SmallCity("uipath-items")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T1,国保異動の処理,保険年金課,rpa,items,10,1,6,2020-04-01,国保異動
            T2,住基異動の処理,市民課,rpa,runs,30,5,30,2020-04-01,住基異動

            """)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "uipath-execution-log"
            path = "logs/*_Execution.log"
            """)
        let lines = Self.run(0, "国保異動", job: "q", ["Successful", "Failed", "Successful", "Successful"])
            + Self.run(1, "国保異動", job: "e", ["Successful", "Failed", "Failed"], fails: true)
            + Self.run(2, "住基異動", job: "j", ["Successful", "Successful", "Failed"])
        try city.write("logs/2024-05-01_Execution.log", lines.joined(separator: "\r\n") + "\r\n")
        let nightly = try city.nightly()
        // T2's items are in another unit than its row's (below): the night names them (helper-124), and only them.
        #expect(nightly.exitCode == 1, "\(nightly.stdout)")
        #expect(try nightly.summary()["runsUnfinished"] as? Int == 0)
        let otherUnit = try nightly.summary()["runsInAnotherUnit"] as? [[String: Any]]
        #expect(otherUnit?.count == 1 && (otherUnit?.first?["reason"] as? String)?.hasPrefix("1 successful run(s) (2.00 units) of T2 住基異動: the log gives items, the catalog row of 2020-04-01 counts runs") == true,
                "\(String(describing: otherUnit))")
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let tasks = SmallCity.tasks(json)
        // T1 (items, 10 − 1 min an item, 6 min rework a failed item): run q ended normally with 3 items saved
        // and 1 failed; run e failed, with 1 item saved and 2 failed. Saved 4 × 9 = 36 min, rework 3 × 6 = 18
        // min: 18 min = 0.3 h. (The old rule charged 6 min per failure event, 2 × 6 = 12: 24 min = 0.4 h.)
        #expect(tasks["T1"]?["units"] as? Double == 4)
        #expect(tasks["T1"]?["hoursSaved"] as? Double == 0.3)
        // T2 (runs, 30 min rework a failed run): run j ended normally, so no failed run and no rework; its 2
        // items are in another unit than the row's and listed as a mismatch, not counted: 0 h (was −0.5 h).
        #expect(tasks["T2"]?["hoursSaved"] as? Double == 0)
        let mismatch = (json["unitMismatches"] as? [[String: Any]])?.first { $0["task"] as? String == "T2" }
        #expect(mismatch?["units"] as? Double == 2)
        #expect((json["hoursSaved"] as? [String: Any])?["total"] as? Double == 0.3)
        // Runs are counted once each, under their own outcome: of q, e and j only e failed. Its failed items, and q's and
        // j's, are no failed run (the failed items events counted as runs: 4 failed runs, 5 runs for T1).
        #expect((json["exclusions"] as? [String: Any])?["failedRuns"] as? Int == 1)
        #expect(tasks["T1"]?["successes"] as? Int == 1, "q ended normally; e failed, whatever its successful item")
        #expect(tasks["T1"]?["failures"] as? Int == 3, "failed items, the unit of T1's row")
        let rpa = ((json["review"] as? [String: Any])?["sections"] as? [[String: Any]])?.first { $0["system"] as? String == "rpa" }
        func row(_ table: String, _ key: String) -> [Any]? {
            let found = (rpa?["tables"] as? [[String: Any]])?.first { $0["id"] as? String == table }
            return ((found?["rows"] as? [[String: Any]])?.first { $0["key"] as? String == key })?["values"] as? [Any]
        }
        #expect(row("rpa-overall", "runs")?.last as? Double == 3, "\(String(describing: row("rpa-overall", "runs")))")
        #expect(row("rpa-runs", "T1")?.last as? Double == 2)
        #expect(row("rpa-overall", "failure-rate")?.last as? Double == 1.0 / 3.0, "1 failed run of 3")
    }

    /// A run that ended normally with every queue item failed is a successful run of 0 items: counted once, as a run
    /// that succeeded, its failed items charged to the row in items, and no failed run.
    @Test func aRunWhoseEveryItemFailedIsASuccessfulRunOfNoItems() throws {
        let city = try SmallCity("uipath-all-items-failed")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T1,国保異動の処理,保険年金課,rpa,items,10,1,6,2020-04-01,国保異動

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*_Execution.log\"\n")
        try city.write("logs/2024-05-01_Execution.log", Self.run(0, "国保異動", job: "a", ["Failed", "Failed"]).joined(separator: "\r\n") + "\r\n")
        #expect(try city.nightly().exitCode == 0)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let t1 = SmallCity.tasks(json)["T1"]
        // 0 items saved, 2 failed items × 6 min = −12 min = −0.2 h.
        #expect(t1?["successes"] as? Int == 1 && t1?["failures"] as? Int == 2 && t1?["units"] as? Double == 0)
        #expect(t1?["hoursSaved"] as? Double == -0.2)
        #expect((json["exclusions"] as? [String: Any])?["failedRuns"] as? Int == 0)
    }
}
