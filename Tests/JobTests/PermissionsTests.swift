import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The store and the reports hold the city's figures: every file the jobs create is for its owner and
/// group only (0640) and every folder 0750 — the database with its `-wal` and `-shm`, the lock, each
/// report file and folder, the output root — whatever umask cron or the caller left them.
@Suite(.serialized) struct PermissionsTests {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-modes-\(UUID().uuidString)")
    var config: String { root.appendingPathComponent("kouka.toml").path }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs kouka-nightly with `mask` (nil: the test's own umask), and reads the modes of the store's
    /// `-wal` and `-shm` while the job has them open.
    func nightly(umask mask: Int?, database: String) throws -> (exitCode: Int32, wal: Int?, shm: Int?) {
        let job = JobProcess.productsFolder.appendingPathComponent("kouka-nightly").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", (mask.map { "umask \(String($0, radix: 8)) && " } ?? "") + "exec \"$0\" \"$@\"", job, "--config", config, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var wal: Int? = nil, shm: Int? = nil
        while process.isRunning {
            wal = wal ?? ReportFiles.mode(database + "-wal")
            shm = shm ?? ReportFiles.mode(database + "-shm")
            usleep(200)
        }
        process.waitUntilExit()
        return (process.terminationStatus, wal, shm)
    }

    @Test(arguments: [nil, 0o000] as [Int?])
    func everyFileTheJobsCreateIsForOwnerAndGroupOnlyWhateverTheUmask(umask mask: Int?) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        // The store and the output in folders the jobs must create themselves.
        try write("kouka.toml", "catalog = \"catalog.csv\"\ndatabase = \"store/kouka.sqlite\"\noutput = \"out/reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        // Enough runs (May to December) that the job has the store open for a while, so its -wal and -shm can be seen.
        try write("logs/a.json", DiskFullTests.flows(220, prefix: "a"))
        let database = root.appendingPathComponent("store/kouka.sqlite").path
        let run = try nightly(umask: mask, database: database)
        #expect(run.exitCode == 0)
        #expect(run.wal == 0o640, "the write-ahead log while the job ran")
        #expect(run.shm == 0o640, "the shared-memory file while the job ran")
        let stamp = ["--generated-at", "2025-04-10T05:00:00+09:00"]
        for arguments in [["--fiscal-year", "2024", "--csv-shift-jis"], ["--month", "2024-05", "--csv-shift-jis"]] {
            let report = try mask.map { try JobProcess.run("kouka-report", ["--config", config, "--quiet"] + arguments + stamp, umask: $0) }
                ?? JobProcess.run("kouka-report", ["--config", config, "--quiet"] + arguments + stamp)
            #expect(report.exitCode == 0, "\(report.stderr)")
        }

        var expected = ["store", "store/kouka.sqlite", "store/kouka.sqlite.lock", "out", "out/reports"]
        for stem in ["FY2024", "2024-05"] {
            expected += ["out/reports/\(stem)", "out/reports/\(stem)/SHA256SUMS"]
            // A fiscal year of the policy period also has the period table (issue 16).
            let period = stem == "FY2024" ? ["-period.csv", "-period-sjis.csv"] : []
            for suffix in [".html", ".json", ".md", ".xlsx", "-tasks.csv", "-departments.csv", "-tasks-sjis.csv", "-departments-sjis.csv", "-review.csv", "-review-sjis.csv"] + period {
                expected.append("out/reports/\(stem)/kouka-\(stem)\(suffix)")
            }
        }
        let inputs = ["catalog.csv", "kouka.toml", "logs", "logs/a.json"]
        let created = ReportFiles.modes(under: root).filter { !inputs.contains(String($0.path.dropFirst(root.path.count + 1))) }
        #expect(Set(created.map { String($0.path.dropFirst(root.path.count + 1)) }) == Set(expected), "no file is missed")
        for file in created {
            #expect(file.mode == (file.folder ? 0o750 : 0o640), "\(file.path): \(String(file.mode, radix: 8))")
        }
    }
}
