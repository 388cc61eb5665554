import Foundation
import Testing

/// A full disk, simulated with a file-size limit (`prlimit --fsize`): writes past it fail as they do on a
/// full disk. The job must stop with 73 and a message, and leave the store and the earlier reports as
/// they were.
@Suite(.serialized) struct DiskFullTests {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-full-\(UUID().uuidString)")
    var config: String { root.appendingPathComponent("kouka.toml").path }
    static let stamp = ["--generated-at", "2025-04-10T05:00:00+09:00"]

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `count` flow runs on consecutive days from 2024-05-01, as a flowsession export.
    static func flows(_ count: Int, prefix: String) -> String {
        let runs = (0..<count).map { n in
            #"{"flowsessionid": "\#(prefix)\#(n)", "name": "住民税_取込", "startedon": "2024-\#(String(format: "%02d", 5 + n / 28))-\#(String(format: "%02d", 1 + n % 28))T00:00:00Z", "runduration": 60, "statuscode": 4}"#
        }
        return "[" + runs.joined(separator: ",\n") + "]"
    }

    /// Runs a job with writes limited to `bytes` per file.
    func limited(_ bytes: Int, _ job: String, _ arguments: [String]) throws -> JobProcess.Result {
        try JobProcess.run(executable: "/usr/bin/prlimit", ["--fsize=\(bytes)", "--", JobProcess.productsFolder.appendingPathComponent(job).path] + arguments)
    }

    @Test func aFullDiskStopsTheJobsWith73AndKeepsTheStoreAndTheReports() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        try write("logs/a.json", Self.flows(20, prefix: "a"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let report = ["--config", config, "--fiscal-year", "2024", "--quiet"] + Self.stamp
        #expect(try JobProcess.run("kouka-report", report).exitCode == 0)
        let json = root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
        let html = root.appendingPathComponent("reports/FY2024/kouka-FY2024.html")
        let before = try (Data(contentsOf: json), Data(contentsOf: html))

        // A new export that the store must grow for, with no room to grow.
        try write("logs/b.json", Self.flows(3_000, prefix: "b"))
        let database = root.appendingPathComponent("kouka.sqlite").path
        let size = try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int ?? 0
        let full = try limited(size, "kouka-nightly", ["--config", config])
        #expect(full.exitCode == 73)
        #expect(full.stderr.contains("level=error"))
        #expect(full.stderr.contains("if the disk is full or read-only, free space and run again"))
        // The store still gives the figures it gave before.
        #expect(try JobProcess.run("kouka-report", report).exitCode == 0)
        #expect(try Data(contentsOf: json) == before.0)

        // On a full disk the report job cannot even open the store (WAL needs its shared-memory file): it
        // stops with 73 too, and the earlier reports stay whole.
        try FileManager.default.removeItem(atPath: root.appendingPathComponent("logs/b.json").path)
        let noRoom = try limited(512, "kouka-report", report.filter { $0 != "--quiet" } + ["--generated-at", "2025-05-01T05:00:00+09:00"])
        #expect(noRoom.exitCode == 73)
        #expect(noRoom.stderr.contains("level=error"))
        #expect(try Data(contentsOf: json) == before.0)
        #expect(try Data(contentsOf: html) == before.1)
    }
}
