import Foundation
import Testing

/// A signed report set checked by `kouka-audit verify` after honest changes and after forgeries: every figure is compared
/// whether or not the report is older than the store, a report whose figures all still hold is no difference, and a figure a
/// late log moved is named as outdated, not as an edit (helper-89's findings 1, 6, 7 and 8).
@Suite(.serialized) struct WrittenReportAfterChangesTests {
    let root: URL
    var config: String { root.appendingPathComponent("kouka.toml").path }
    // Made now, as a city makes it: a nightly run after it reads what it reads after the report (`generatedAt`).
    static let made = ["--today", "2025-04-10"]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-after-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,70,10,2020-04-01,住民税_*

            """)
        try write("kouka.toml", Self.toml(review: ""))
        try write("logs/history.json", Self.flows(["2023-05-01", "2023-06-01", "2024-05-01"]))
    }

    static func toml(review: String) -> String {
        """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "power-automate-flowsession"
        path = "logs/*.json"
        \(review)
        """
    }

    /// One successful 10-minute run of T01 on each day, as a flow-session export.
    static func flows(_ days: [String], prefix: String = "s") -> String {
        "[" + days.enumerated().map { n, day in
            #"{"flowsessionid": "\#(prefix)\#(n)", "name": "住民税_課税", "startedon": "\#(day)T00:00:00Z", "completedon": "\#(day)T00:10:00Z", "runduration": 600, "statuscode": 4}"#
        }.joined(separator: ",\n") + "]"
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    func nightly() throws {
        let result = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func report(_ period: [String], config: String? = nil) throws {
        let result = try JobProcess.run("kouka-report", ["--config", config ?? self.config, "--quiet"] + Self.made + period)
        #expect(result.wroteTheSet, "\(result.stderr)")
    }

    /// `kouka-audit verify`'s exit code, the differences it names and the reports it says still hold.
    func verify() throws -> (code: Int32, differences: [[String: Any]], holding: [String]) {
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        let summary = try result.summary()
        return (result.exitCode, summary["differences"] as? [[String: Any]] ?? [], summary["reportsStillHolding"] as? [String] ?? [])
    }

    /// A run of another year added to the export the FY2023 report counted: the report lists the export's old SHA-256 but
    /// every figure it states is still the store's. No difference; it is listed as still holding.
    @Test func aReportWhoseFiguresAllHoldIsNoDifference() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightly()
        try report(["--fiscal-year", "2023"])
        try write("logs/history.json", Self.flows(["2023-05-01", "2023-06-01", "2024-05-01", "2025-05-01"]))
        try nightly()
        let (code, differences, holding) = try verify()
        #expect(code == 0, "\(differences)")
        #expect(holding.count == 1 && holding[0].contains("FY2023") && holding[0].contains("sources"), "\(holding)")
    }

    /// The export renamed, then a copy of it put among the sources: the report names the file as it was called and knows no
    /// copy, but every figure it states is still the store's (helper-89's honest-ops-make-signed-reports-fail.sh).
    @Test func aRenameOrACopyLeavesTheReportHolding() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightly()
        try report(["--fiscal-year", "2023"])
        try FileManager.default.moveItem(at: root.appendingPathComponent("logs/history.json"), to: root.appendingPathComponent("logs/history-2023-2024.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        let renamed = try verify()
        #expect(renamed.code == 0, "\(renamed.differences)")
        #expect(renamed.holding.count == 1 && renamed.holding[0].contains("path"), "\(renamed.holding)")
        try FileManager.default.copyItem(at: root.appendingPathComponent("logs/history-2023-2024.json"), to: root.appendingPathComponent("logs/copy.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        let copied = try verify()
        #expect(copied.code == 0, "\(copied.differences)")
        #expect(copied.holding.count == 1, "\(copied.holding)")
    }

    /// The export appended to, then archived under another name: the nightly run moves its line and reads on, and the report
    /// names it as it was called with bytes no file has now. Its FY2023 figures hold (helper-91's
    /// grown-then-renamed-ledger-false-alarm.sh: named as a ledger line removed behind Kouka's back).
    @Test func aFileGrownThenRenamedLeavesTheReportHolding() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightly()
        try report(["--fiscal-year", "2023"])
        try write("logs/history.json", Self.flows(["2023-05-01", "2023-06-01", "2024-05-01", "2025-05-01"]))
        try FileManager.default.moveItem(at: root.appendingPathComponent("logs/history.json"), to: root.appendingPathComponent("logs/history-archive.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        let (code, differences, holding) = try verify()
        #expect(code == 0, "\(differences)")
        #expect(!differences.contains { $0["kind"] as? String == "ledger" }, "\(differences)")
        #expect(holding.count == 1 && holding[0].contains("path"), "\(holding)")
    }

    /// A copy of the export, made before the report, whose original is deleted after it: the copy is the file now, moved, and
    /// every figure still holds (helper-90's source-status-change-false-alarm.sh).
    @Test func aCopyLeftInTheOriginalsPlaceLeavesTheReportHolding() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("logs/history.json"), to: root.appendingPathComponent("logs/zz-copy.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        try report(["--fiscal-year", "2023"])
        try FileManager.default.removeItem(at: root.appendingPathComponent("logs/history.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        let (code, differences, holding) = try verify()
        #expect(code == 0, "\(differences)")
        #expect(holding.count == 1, "\(holding)")
    }

    /// A row from a later day added above the rows the report used moves their lines, not their baselines: the report still
    /// holds (helper-91's catalog-reorder-verify-exit1.sh). A report made with a catalog edited and put back before any night
    /// read it states baselines no nightly run saw: named (helper-91's catalog-tamper-unnamed.sh).
    @Test func aCatalogRowsLineMovesButABaselineNoNightSawIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let header = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\n"
        let row = "T01,住民税課税資料の取込,税務課,rpa,runs,70,10,2020-04-01,住民税_*\n"
        try nightly()
        try report(["--fiscal-year", "2023"])
        try write("catalog.csv", header + "T01,住民税課税資料の取込,税務課,rpa,runs,70,5,2099-04-01,住民税_*\n" + row)
        try nightly()
        let moved = try verify()
        #expect(moved.code == 0, "\(moved.differences)")
        #expect(moved.holding.count == 1, "\(moved.holding)")
        try write("catalog.csv", header + "T01,住民税課税資料の取込,税務課,rpa,runs,70,1,2020-04-01,住民税_*\n")
        try report(["--fiscal-year", "2023"])
        try write("catalog.csv", header + row)
        let (code, differences, _) = try verify()
        #expect(code == 1)
        #expect(differences.contains { $0["kind"] as? String == "written-report" && $0["field"] as? String == "catalog.rows[T01|2020-04-01]" }, "\(differences)")
    }

    /// The same outdated report replaced by a whole set made from an edited log (FY2023 with three runs where the logs hold
    /// two), every file of it saying what its JSON says: its figures are compared all the same and named.
    @Test func aForgedSetThatLooksOutdatedHasItsFiguresNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightly()
        try write("logs/history.json", Self.flows(["2023-05-01", "2023-06-01", "2024-05-01", "2025-05-01"]))
        try nightly()
        // The forger's copy of the city: the same configuration, a log with one more FY2023 run.
        let copy = root.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("logs"), withIntermediateDirectories: true)
        for name in ["catalog.csv", "kouka.toml"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        try Data(Self.flows(["2023-05-01", "2023-06-01", "2023-07-01", "2024-05-01", "2025-05-01"]).utf8)
            .write(to: copy.appendingPathComponent("logs/history.json"))
        let copyConfig = copy.appendingPathComponent("kouka.toml").path
        #expect(try JobProcess.run("kouka-nightly", ["--config", copyConfig]).exitCode == 0)
        try report(["--fiscal-year", "2023"], config: copyConfig)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: copy.appendingPathComponent("reports/FY2023"), to: root.appendingPathComponent("reports/FY2023"))
        let (code, differences, holding) = try verify()
        #expect(code == 1)
        #expect(holding.isEmpty)
        // Named as outdated when the set claims a time before the nightly run that read the export, as edited when made after
        // it (its file listed with bytes it never had then): named either way, with both figures.
        let hours = differences.first { $0["field"] as? String == "hoursSaved.total" }
        #expect(["written-report-outdated", "written-report"].contains(hours?["kind"] as? String), "\(differences)")
        #expect(hours?["found"] as? String == "3" && hours?["expected"] as? String == "2", "\(String(describing: hours))")
        #expect(differences.contains { ($0["field"] as? String)?.hasPrefix("sources") == true })
    }

    /// A forged set whose edited task has files that did not change since: an unrelated export's growth does not explain its
    /// figures, which are named as edited, and the forged SHA-256 of its file is named too (helper-90's
    /// tamper-labelled-outdated.sh and fake-sha-hides-source-lines.sh).
    @Test func aForgedTaskIsNotExplainedByAnotherTasksFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,70,10,2020-04-01,住民税_*
            T02,口座振替照合,会計課,rpa,runs,70,10,2020-04-01,口座_*

            """)
        try write("logs/other.json", Self.flows(["2023-05-02"], prefix: "o").replacingOccurrences(of: "住民税_課税", with: "口座_照合"))
        try nightly()
        try report(["--fiscal-year", "2023"])
        #expect(try verify().code == 0)
        // T02's export grows by a run of FY2025 (honest); the forger's copy adds a FY2023 run to T01's log.
        try write("logs/other.json", Self.flows(["2023-05-02", "2025-05-02"], prefix: "o").replacingOccurrences(of: "住民税_課税", with: "口座_照合"))
        try nightly()
        let copy = root.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("logs"), withIntermediateDirectories: true)
        for name in ["catalog.csv", "kouka.toml", "logs/other.json"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        try Data(Self.flows(["2023-05-01", "2023-06-01", "2023-07-01", "2024-05-01"]).utf8).write(to: copy.appendingPathComponent("logs/history.json"))
        let copyConfig = copy.appendingPathComponent("kouka.toml").path
        #expect(try JobProcess.run("kouka-nightly", ["--config", copyConfig]).exitCode == 0)
        // A report states the second it was made, and a run within that second counts as after it: made a second later.
        Thread.sleep(forTimeInterval: 1.1)
        try report(["--fiscal-year", "2023"], config: copyConfig)
        try FileManager.default.removeItem(at: root.appendingPathComponent("reports/FY2023"))
        try FileManager.default.copyItem(at: copy.appendingPathComponent("reports/FY2023"), to: root.appendingPathComponent("reports/FY2023"))
        let (code, differences, holding) = try verify()
        #expect(code == 1)
        #expect(holding.isEmpty)
        let task = differences.filter { ($0["field"] as? String)?.hasPrefix("tasks[T01|") == true }
        #expect(!task.isEmpty && task.allSatisfy { $0["kind"] as? String == "written-report" }, "\(differences)")
        #expect(differences.contains { $0["field"] as? String == "sources[logs/history.json].sha256" && $0["kind"] as? String == "written-report" })
    }

    /// A late FY2024 export read after the FY2023 report was made moves the FY2024 figure its period section restates: named
    /// as outdated (the nightly run that read it started after the report was made), not as an edit.
    @Test func aFigureALateLogMovedIsOutdatedNotEdited() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightly()
        try report(["--fiscal-year", "2023"])
        #expect(try verify().code == 0)
        try write("logs/late.json", Self.flows(["2024-04-20"], prefix: "late"))
        try nightly()
        let (code, differences, _) = try verify()
        #expect(code == 1)
        let restated = differences.filter { ($0["field"] as? String)?.hasPrefix("policyPeriod.years[2024]") == true }
        #expect(!restated.isEmpty, "\(differences)")
        #expect(restated.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(restated)")
        #expect(restated.allSatisfy { ($0["detail"] as? String)?.contains("logs/late.json") == true }, "\(restated)")
    }

    /// A report made with another `[review]` rule than kouka.toml gives now states a verdict by that rule: named as outdated.
    @Test func aReviewJudgedByAnotherRuleIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("kouka.toml", Self.toml(review: "[review]\nrobot_failure_rate_max = 0.5\n"))
        try nightly()
        try report(["--fiscal-year", "2023"])
        try write("kouka.toml", Self.toml(review: ""))
        let (code, differences, holding) = try verify()
        #expect(code == 1)
        #expect(holding.isEmpty)
        #expect(differences.contains { $0["kind"] as? String == "written-report-outdated" && $0["field"] as? String == "review.rules" }, "\(differences)")
    }
}
