import Foundation
import Testing

/// Configuration and catalog values that would make a figure meaningless stop each job before any work
/// (64 for the configuration, 65 for the catalog), naming the key or the line, and leave the earlier
/// reports as they were. Runs that cannot have happened as written are quarantined by their row.
@Suite(.serialized) struct BadConfigurationValueTests {
    let root: URL
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
        T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

        """
    static let base = """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "power-automate-flowsession"
        path = "logs/*.json"

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("catalog.csv", Self.catalog)
        try write("kouka.toml", Self.base)
        try write("logs/flows.json", """
            [{"flowsessionid": "a", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "statuscode": 4},
             {"flowsessionid": "b", "name": "住民税_課税資料取込", "startedon": "2024-05-02T00:00:00Z", "completedon": "2024-05-02T00:10:00Z", "statuscode": 4}]
            """)
    }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var config: String { root.appendingPathComponent("kouka.toml").path }
    static let fixed = ["--generated-at", "2025-04-10T05:00:00+09:00"]

    /// Every file under reports/, by path, with its bytes.
    func reports() throws -> [String: Data] {
        let folder = root.appendingPathComponent("reports")
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    /// Ingests the logs and writes the FY2024 report with the good configuration; returns the report files.
    func goodReports() throws -> [String: Data] {
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + Self.fixed).exitCode == 0)
        let files = try reports()
        #expect(files.keys.contains("FY2024/kouka-FY2024.json"))
        return files
    }

    /// Checks the stop every bad configuration must give: `code`, the message in the summary and on stderr.
    func expectStop(_ result: JobProcess.Result, _ code: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.exitCode == code, "\(result.stderr)", sourceLocation: sourceLocation)
        let error = try result.summary()["error"] as? String ?? ""
        #expect(error.contains(message), "\(error)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("level=error"), sourceLocation: sourceLocation)
    }

    @Test func aNaNTargetStopsNightlyBeforeAnyWork() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("kouka.toml", Self.base + "[targets.2025]\nrpa_hours = nan\n")
        try expectStop(try JobProcess.run("kouka-nightly", ["--config", config]), 64, "targets.2025.rpa_hours is nan; it must be a finite number 0 or more")
        for name in ["kouka.sqlite", "kouka.sqlite.lock", "reports"] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path), "\(name) was written")
        }
    }

    @Test func aValueOfTheWrongTypeNamesItsKeyAndTheTypeItTakes() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("kouka.toml", "timezone = 9\n" + Self.base)
        try expectStop(try JobProcess.run("kouka-nightly", ["--config", config]), 64, "key timezone must be a string in quotes, not the integer 9")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("kouka.sqlite").path))
    }

    @Test func anInfiniteStaffCostStopsTheReportAndKeepsTheEarlierReports() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("kouka.toml", Self.base + "[money]\nhourly_staff_cost_yen = 2800\n")
        let before = try goodReports()
        try write("kouka.toml", Self.base + "[money]\nhourly_staff_cost_yen = inf\n")
        try expectStop(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + Self.fixed), 64,
                       "money.hourly_staff_cost_yen is inf; it must be a finite number more than 0")
        #expect(try reports() == before, "the earlier reports are left as they were")
    }

    @Test func aNegativeTargetIsNotReadAsMet() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try goodReports()
        // With every target of FY2024 at 0 or less, the audit used to say all were met (exit 0).
        try write("kouka.toml", Self.base + "[targets.2024]\nrpa_hours = -1\nai_tasks = 0\nnew_systems = 0\n")
        try expectStop(try JobProcess.run("kouka-audit", ["targets", "--config", config, "--fiscal-year", "2024"]), 64,
                       "targets.2024.rpa_hours is -1; it must be a finite number 0 or more")
        try write("kouka.toml", Self.base + "[targets.2024]\nrpa_hours = 0\nai_tasks = 0\nnew_systems = 0\n")
        #expect(try JobProcess.run("kouka-audit", ["targets", "--config", config, "--fiscal-year", "2024"]).exitCode == 0,
                "a target of 0 is met by any year")
    }

    @Test func aCatalogRowWithMoreResidualThanManualMinutesStopsTheReportAndKeepsTheEarlierReports() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try goodReports()
        try write("catalog.csv", Self.catalog.replacingOccurrences(of: ",180,15,", with: ",15,180,"))
        try expectStop(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + Self.fixed), 65,
                       "catalog.csv:2: residual_minutes_per_unit 180 is more than manual_minutes_per_unit 15")
        #expect(try reports() == before, "the earlier reports are left as they were")
        try expectStop(try JobProcess.run("kouka-nightly", ["--config", config]), 65,
                       "catalog.csv:2: residual_minutes_per_unit 180 is more than manual_minutes_per_unit 15")
    }

    @Test func aRunThatEndsBeforeItStartsIsQuarantinedByItsRow() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("logs/flows.json", """
            [{"flowsessionid": "a", "name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "statuscode": 4},
             {"flowsessionid": "b", "name": "住民税_課税資料取込", "startedon": "2024-05-02T00:10:00Z", "completedon": "2024-05-02T00:00:00Z", "statuscode": 4}]
            """)
        let result = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(result.exitCode == 1, "a rejected row is a finding")
        let summary = try result.summary()
        #expect(summary["rowsAccepted"] as? Int == 1)
        let rejections = summary["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.count == 1)
        #expect(rejections.first?["file"] as? String == "logs/flows.json")
        #expect(rejections.first?["line"] as? Int == 2)
        #expect(rejections.first?["reason"] as? String == """
            column completedon is 10 min 0 s before column startedon: a run cannot end before it starts; check the robot's clock or the export
            """)
    }

    @Test func aRunAtMidnightOnNewYearsDay2000LocalTimeCounts() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("kouka.toml", """
            timezone = "Asia/Tokyo"
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "rpa-csv"
            path = "logs/*.csv"
            [source.columns]
            task = "robot"
            start = "start"

            """)
        try write("logs/runs.csv", "robot,start\n住民税_課税資料取込,2000/01/01 00:00:00\n住民税_課税資料取込,1999/12/31 23:59:59\n")
        let result = try JobProcess.run("kouka-nightly", ["--config", config])
        let summary = try result.summary()
        #expect(summary["rowsAccepted"] as? Int == 1, "\(result.stdout)")
        let rejections = summary["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.map { $0["line"] as? Int } == [3])
        #expect((rejections.first?["reason"] as? String)?.contains("before 2000") == true)
    }
}
