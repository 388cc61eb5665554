import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// An output that fills up or may not be written part-way through: the job stops with 73 and says which
/// path, and the store and the reports written before stay as they were — no report set half replaced,
/// no temporary file left behind.
@Suite(.serialized) struct OutputFailureTests {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-output-\(UUID().uuidString)")
    var config: String { root.appendingPathComponent("kouka.toml").path }
    var folder: URL { root.appendingPathComponent("reports/FY2024") }
    func report(at stamp: String) -> [String] { ["--config", config, "--fiscal-year", "2024", "--generated-at", stamp] }

    /// A city whose store is in `database` and whose `exports` logs are one flow run each, so the report
    /// lists many sources.
    func city(exports: Int, database: String = "kouka.sqlite") throws {
        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\ndatabase = \"\(database)\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        for n in 0..<exports { try write("logs/export-\(n).json", DiskFullTests.flows(1, prefix: "e\(n)-")) }
    }

    /// Every file in the report folder, by name.
    func reportFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func aDiskThatFillsPartWayThroughAReportSetLeavesTheEarlierSetWhole() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // 150 sources make the JSON (every source with its SHA-256) the largest file, written after the HTML.
        try city(exports: 150)
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", report(at: "2025-04-10T05:00:00+09:00") + ["--quiet"]).exitCode == 0)
        let before = try reportFiles()
        let database = root.appendingPathComponent("kouka.sqlite")
        let store = try Data(contentsOf: database)
        // A file-size limit between the HTML's size and the JSON's: the HTML of the new set is written,
        // the JSON is not. The store's 32 KiB shared-memory file must fit, or the job cannot even read.
        let html = try #require(before["kouka-FY2024.html"]?.count), json = try #require(before["kouka-FY2024.json"]?.count)
        let limit = (html + json) / 2
        try #require(html < limit && limit < json && limit > 32_768, "html \(html), json \(json)")
        let job = JobProcess.productsFolder.appendingPathComponent("kouka-report").path
        let full = try JobProcess.run(executable: "/usr/bin/prlimit", ["--fsize=\(limit)", "--", job] + report(at: "2025-05-01T05:00:00+09:00"))
        #expect(full.exitCode == 73)
        #expect(full.stderr.contains("level=error"))
        #expect(full.stderr.contains("cannot write \(folder.path)/kouka-FY2024.json (File too large)"), "\(full.stderr)")
        #expect(full.stderr.contains("check free space"))
        #expect(try reportFiles() == before, "every earlier report file is as it was, and no temporary file is left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path) == ["FY2024"], "nor a staging folder")
        #expect(try Data(contentsOf: database) == store)
        // The store still gives the same figures, and agrees with its sources and the report.
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", config, "--quiet"])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
        #expect(try JobProcess.run("kouka-report", report(at: "2025-04-10T05:00:00+09:00") + ["--quiet"]).exitCode == 0)
        #expect(try reportFiles() == before)
    }

    @Test func aReportFolderTheJobMayNotWriteStopsItWith73NamingThePath() throws {
        defer {
            chmod(folder.path, 0o750)
            try? FileManager.default.removeItem(at: root)
        }
        try city(exports: 3)
        JobProcess.handToUnprivilegedUser(root)
        #expect(try JobProcess.runUnprivileged("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.runUnprivileged("kouka-report", report(at: "2025-04-10T05:00:00+09:00") + ["--quiet"]).exitCode == 0)
        let before = try reportFiles()
        #expect(chmod(folder.path, 0o550) == 0)
        let refused = try JobProcess.runUnprivileged("kouka-report", report(at: "2025-05-01T05:00:00+09:00"))
        #expect(refused.exitCode == 73)
        // A folder made read-only keeps its set: the job does not put a new folder in its place.
        #expect(refused.stderr.contains("cannot write \(folder.path) (Permission denied)"), "\(refused.stderr)")
        #expect(try reportFiles() == before)
    }

    @Test func aDatabaseFolderTheJobMayNotWriteStopsItWith73NamingTheDatabase() throws {
        let store = root.appendingPathComponent("store")
        defer {
            chmod(store.path, 0o750)
            try? FileManager.default.removeItem(at: root)
        }
        try city(exports: 3, database: "store/kouka.sqlite")
        JobProcess.handToUnprivilegedUser(root)
        #expect(try JobProcess.runUnprivileged("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.runUnprivileged("kouka-report", report(at: "2025-04-10T05:00:00+09:00") + ["--quiet"]).exitCode == 0)
        let reports = try reportFiles()
        let database = store.appendingPathComponent("kouka.sqlite")
        let bytes = try Data(contentsOf: database)
        // A new export to record, and a store folder where SQLite may not create its -wal and -shm.
        try Data(DiskFullTests.flows(2, prefix: "new").utf8).write(to: root.appendingPathComponent("logs/export-new.json"))
        JobProcess.handToUnprivilegedUser(root)
        #expect(chmod(store.path, 0o550) == 0)
        for (job, arguments) in [("kouka-nightly", ["--config", config]), ("kouka-report", report(at: "2025-05-01T05:00:00+09:00"))] {
            let refused = try JobProcess.runUnprivileged(job, arguments)
            #expect(refused.exitCode == 73, "\(job)")
            #expect(refused.stderr.contains("cannot open the database \(database.path)"), "\(job): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: database) == bytes)
        #expect(try reportFiles() == reports)
    }
}
