import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The built executables, run as cron runs them: summary JSON on stdout, logfmt on stderr, and the exit
/// codes of the cron contract.
@Suite(.serialized) struct JobContractTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*

            """)
        try write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            """)
        try write("logs/flows.json", """
            {"value": [
              {"name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "runduration": 600, "statuscode": 4},
              {"name": "住民税_課税資料取込", "startedon": "2024-05-02T00:00:00Z", "completedon": "2024-05-02T00:10:00Z", "runduration": 600, "statuscode": 4},
              {"name": "住民税_課税資料取込", "startedon": "not a time", "statuscode": 4}
            ]}
            """)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    var config: String { root.appendingPathComponent("kouka.toml").path }

    @Test func nightlyThenReport() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(first.exitCode == 1, "a rejected row makes the run exit 1")
        let summary = try first.summary()
        #expect(summary["rowsRead"] as? Int == 3)
        #expect(summary["rowsRejected"] as? Int == 1)
        let rejection = (summary["rejections"] as? [[String: Any]])?.first
        #expect(rejection?["line"] as? Int == 4)
        #expect(rejection?["file"] as? String == "logs/flows.json")
        #expect(first.stderr.contains("level=warning"))
        #expect(first.stderr.contains("line=4"))

        let second = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(second.exitCode == 0, "nothing new: nothing to look at")
        #expect(try second.summary()["filesUnchanged"] as? Int == 1)

        let fixed = ["--generated-at", "2025-04-10T05:00:00+09:00"]
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + fixed)
        #expect(report.exitCode == 0)
        let files = try report.summary()["files"] as? [String] ?? []
        #expect(files.map { ($0 as NSString).lastPathComponent }.sorted() == [
            "SHA256SUMS", "kouka-FY2024-departments.csv", "kouka-FY2024-period.csv", "kouka-FY2024-review.csv", "kouka-FY2024-tasks.csv", "kouka-FY2024.html",
            "kouka-FY2024.json", "kouka-FY2024.md", "kouka-FY2024.xlsx",
        ])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.json"))) as? [String: Any]
        #expect(json?["label"] as? String == "令和6年度")
        #expect(json?["from"] as? String == "2024-04-01")
        #expect(json?["to"] as? String == "2025-03-31")
        #expect(json?["timezone"] as? String == "Asia/Tokyo")
        // Two successes × (180 − 15) min = 330 min = 5.5 h.
        #expect((json?["hoursSaved"] as? [String: Any])?["total"] as? Double == 5.5)
        let target = (json?["targets"] as? [[String: Any]])?.first
        #expect(target?["metric"] as? String == "rpa-hours")
        #expect(target?["target"] as? Double == 2500)
        #expect(target?["met"] as? Bool == false)
        for key in ["tasks", "departments", "sources", "unmapped"] { #expect(json?[key] is [Any], "\(key)") }
        let csv = try Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024-tasks.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "CSV starts with a BOM for Excel")

        // The city's figures are for the owner and group only.
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        #expect(try mode(root.appendingPathComponent("kouka.sqlite").path) == 0o640)
        #expect(try mode(root.appendingPathComponent("reports/FY2024/kouka-FY2024.json").path) == 0o640)
        #expect(try mode(root.appendingPathComponent("reports/FY2024/kouka-FY2024.xlsx").path) == 0o640)
        #expect(try mode(root.appendingPathComponent("reports/FY2024").path) == 0o750)

        // The same store, configuration and stated generation time give the same bytes, in every format.
        let names = ["kouka-FY2024.json", "kouka-FY2024.html", "kouka-FY2024.md", "kouka-FY2024.xlsx", "kouka-FY2024-tasks.csv"]
        let before = try names.map { try Data(contentsOf: root.appendingPathComponent("reports/FY2024/\($0)")) }
        Thread.sleep(forTimeInterval: 1.1)
        _ = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + fixed)
        for (name, bytes) in zip(names, before) {
            #expect(try Data(contentsOf: root.appendingPathComponent("reports/FY2024/\(name)")) == bytes, "\(name)")
        }
    }

    @Test func badArgumentsExit64() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-report", ["--config", config]).exitCode == 64)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "12"]).exitCode == 64)
        // A month of a fiscal year --fiscal-year refuses is refused too (helper-144 #4: 1999-12 written as 平成11年12月).
        let month = try JobProcess.run("kouka-report", ["--config", config, "--month", "1999-12"])
        #expect(month.exitCode == 64)
        #expect(month.stderr.contains("of fiscal year 2000 to 2100") || month.stdout.contains("of fiscal year 2000 to 2100"), "\(month.stderr)")
        #expect(try JobProcess.run("kouka-nightly", ["--bogus"]).exitCode == 64)
    }

    @Test func aMissingOrBrokenConfigurationExits64BeforeAnyWork() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try JobProcess.run("kouka-nightly", ["--config", root.appendingPathComponent("nope.toml").path])
        #expect(missing.exitCode == 64)
        #expect(missing.stdout.contains("\"exitCode\""))
        try write("kouka.toml", "catalog = \"catalog.csv\"\n[[source]]\nformat = \"excel\"\npath = \"logs/*\"\n")
        let unknown = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("format excel is unknown"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("kouka.sqlite").path))
    }

    @Test func aCatalogWithAMissingColumnExits65() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("catalog.csv", "task_id,name,department,system,unit,valid_from,match\nT01,x,税務課,rpa,runs,2020-04-01,a\n")
        let result = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("manual_minutes_per_unit"))
    }

    @Test func aSecondRunWhileOneHoldsTheLockExits75() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let lockPath = root.appendingPathComponent("kouka.sqlite.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o640)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        _ = "pid 4242 job kouka-nightly started 2026-11-27T02:00:00Z\n".withCString { Glibc.write(fd, $0, strlen($0)) }
        let result = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(result.exitCode == 75)
        #expect(result.stderr.contains("pid 4242"))
    }
}

extension JobContractTests {
    /// An output that cannot be written stops the run with 73; what was there before stays as it was.
    @Test func anOutputThatCannotBeWrittenExits73() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 1)
        let before = try Data(contentsOf: root.appendingPathComponent("kouka.sqlite"))
        // /proc cannot hold files, even for root: the stand-in for a read-only or full disk.
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--output", "/proc/kouka-reports"])
        #expect(report.exitCode == 73)
        #expect(report.stderr.contains("cannot"))
        try write("kouka.toml", """
            catalog = "catalog.csv"
            database = "/proc/kouka/kouka.sqlite"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            """)
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(nightly.exitCode == 73)
        #expect(try Data(contentsOf: root.appendingPathComponent("kouka.sqlite")) == before, "the store that was there is untouched")
    }
}
