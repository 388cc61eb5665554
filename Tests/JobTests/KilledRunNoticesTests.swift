import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Kill the nightly job with `kill -9` right after it recorded a file with a broken row and a name the
/// catalog does not map: its summary never came out, and the next run skips that file as unchanged. That
/// run must still state the row and the name (exit 1) and the ledger must show the killed run; the run
/// after it has nothing left to say.
@Suite(.serialized) struct KilledRunNoticesTests {
    /// A city with `a.json` (a broken row on line 3, a name the catalog does not map) and `b.json`, large
    /// enough that recording it takes the job a while after `a.json` is recorded.
    static func city() throws -> URL {
        let root = URL(fileURLWithPath: "/tmp/kouka-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        try write("logs/a.json", """
            {"value": [
            {"name": "住民税_取込", "startedon": "2024-05-01T00:00:00Z", "runduration": 60, "statuscode": 4},
            {"name": "住民税_取込", "startedon": "2024-05-32T00:00:00Z", "runduration": 60, "statuscode": 4},
            {"name": "謎のフロー", "startedon": "2024-05-02T00:00:00Z", "runduration": 60, "statuscode": 4}
            ]}

            """)
        // 60 mapped names on each of 1,000 days: 60,000 rollups to record after a.json's.
        let day0 = Date(timeIntervalSince1970: 1_609_459_200)
        let formatter = ISO8601DateFormatter()
        var records: [String] = []
        for day in 0..<1_000 {
            let start = formatter.string(from: day0.addingTimeInterval(Double(day) * 86_400 + 3_600))
            for name in 0..<60 {
                records.append(#"{"name": "住民税_\#(name)", "startedon": "\#(start)", "runduration": 60, "statuscode": 4}"#)
            }
        }
        try write("logs/b.json", "{\"value\": [\n" + records.joined(separator: ",\n") + "\n]}\n")
        return root
    }

    /// Starts the nightly job and kills it (SIGKILL) as soon as its log says a row of `file` was rejected:
    /// that line is written after the file's transaction has committed. Whether the kill ended it.
    static func killAfterRecording(_ root: URL, file: String) throws -> Bool {
        let process = Process()
        process.executableURL = JobProcess.productsFolder.appendingPathComponent("kouka-nightly")
        process.arguments = ["--config", root.appendingPathComponent("kouka.toml").path]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var log = ""
        while !log.contains("msg=\"row rejected\" file=\(file)") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// The job-run ledger as `state|ended|exit code`, one line per run, read with the sqlite3 shell.
    static func ledger(_ root: URL) throws -> [String] {
        let result = try JobProcess.run(executable: "/usr/bin/sqlite3", [
            root.appendingPathComponent("kouka.sqlite").path,
            "SELECT state || '|' || (ended_at IS NOT NULL) || '|' || coalesce(exit_code, '-') FROM job_runs ORDER BY id",
        ])
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func whatAKilledRunRecordedIsStatedByTheNextRunUntilOneFinishes() throws {
        let root = try Self.city()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("kouka.toml").path
        try #require(try Self.killAfterRecording(root, file: "logs/a.json"), "the job was killed part-way, after a.json was recorded")

        let next = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(next.exitCode == 1, "notices no finished run has stated are findings")
        let summary = try next.summary()
        // a.json is unchanged, so this run reads nothing of it: what it says of it comes from the store.
        #expect(summary["filesUnchanged"] as? Int == 1)
        #expect(summary["rowsRejected"] as? Int == 0)
        let unreported = summary["unreported"] as? [String: Any] ?? [:]
        #expect((unreported["runs"] as? [[String: Any]])?.map { $0["state"] as? String } == ["killed"])
        #expect(unreported["rowsRejected"] as? Int == 1)
        let rejections = unreported["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.map { "\($0["file"] ?? ""):\($0["line"] ?? ""): \($0["reason"] ?? "")" }
                == ["logs/a.json:3: column startedon is not a date-time: 2024-05-32T00:00:00Z"])
        let unmapped = unreported["unmapped"] as? [[String: Any]] ?? []
        #expect(unmapped.map { "\($0["system"] ?? "") \($0["name"] ?? "") \($0["runs"] ?? "")" } == ["rpa 謎のフロー 1"])
        // The killed run has a line of its own: no end, no exit code.
        #expect(try Self.ledger(root) == ["killed|0|-", "finished|1|1"])

        let after = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(after.exitCode == 0, "stated once, by a run that finished: \(after.stdout)")
        let stated = try after.summary()["unreported"] as? [String: Any]
        #expect((stated?["runs"] as? [[String: Any]])?.isEmpty == true)
        #expect(try Self.ledger(root) == ["killed|0|-", "finished|1|1", "finished|1|0"])
    }

    @Test func aRunStoppedByAFullDiskIsLedgeredFailedAndWhatItRecordedIsStatedNext() throws {
        let root = try Self.city()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("kouka.toml").path
        // A store made by a run over one good file; then no room for b.json's rollups (a file-size limit
        // fails writes as a full disk does), after a.json was recorded.
        let logs = root.appendingPathComponent("logs"), aside = root.appendingPathComponent("aside")
        try FileManager.default.moveItem(at: logs, to: aside)
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try Data(#"{"value": [{"name": "住民税_取込", "startedon": "2024-04-01T00:00:00Z", "runduration": 60, "statuscode": 4}]}"#.utf8)
            .write(to: logs.appendingPathComponent("0.json"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        for name in ["a.json", "b.json"] { try FileManager.default.moveItem(at: aside.appendingPathComponent(name), to: logs.appendingPathComponent(name)) }
        let size = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("kouka.sqlite").path)[.size] as? Int ?? 0
        let full = try JobProcess.run(executable: "/usr/bin/prlimit", [
            "--fsize=\(2 * size)", "--", JobProcess.productsFolder.appendingPathComponent("kouka-nightly").path, "--config", config, "--quiet",
        ])
        try #require(full.exitCode == 73, "\(full.stdout)")
        #expect(try Self.ledger(root) == ["finished|1|0", "failed|1|73"])

        let next = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(next.exitCode == 1)
        let unreported = try next.summary()["unreported"] as? [String: Any] ?? [:]
        #expect((unreported["runs"] as? [[String: Any]])?.map { "\($0["state"] ?? "") \($0["exitCode"] ?? "")" } == ["failed 73"])
        #expect((unreported["rejections"] as? [[String: Any]])?.map { "\($0["file"] ?? ""):\($0["line"] ?? "")" } == ["logs/a.json:3"])
        #expect((unreported["unmapped"] as? [[String: Any]])?.map { $0["name"] as? String } == ["謎のフロー"])
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
    }

    /// A run killed right after recording a file saved over with fewer runs: the loss was in the summary it never printed,
    /// and the next run, which finds the file unchanged, never said it (helper-83's wa_kill.sh). It is kept with the file's
    /// commit and stated by the next run to finish, once.
    @Test func aLossTheKilledRunFoundIsStatedByTheNextRun() throws {
        let root = try Self.city()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("kouka.toml").path
        let a = root.appendingPathComponent("logs/a.json"), b = root.appendingPathComponent("logs/b.json")
        func write(_ url: URL, _ records: [String]) throws {
            try Data(("{\"value\": [\n" + records.joined(separator: ",\n") + "\n]}\n").utf8).write(to: url)
        }
        func record(_ day: String) -> String {
            #"{"name": "住民税_取込", "startedon": "2024-05-\#(day)T00:00:00Z", "runduration": 60, "statuscode": 4}"#
        }
        try write(a, [record("01"), record("03")])
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        // Saved over without 3 May's run, and with a broken row whose rejection is logged once the file is recorded; b.json
        // changed too, so that the job has a while of work left after a.json.
        try write(a, [record("01"), record("32")])
        var big = try String(contentsOf: b, encoding: .utf8)
        big = big.replacingOccurrences(of: "\n]}\n", with: ",\n" + record("02") + "\n]}\n")
        try Data(big.utf8).write(to: b)
        try #require(try Self.killAfterRecording(root, file: "logs/a.json"), "the job was killed part-way, after a.json was recorded")

        let next = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(next.exitCode == 1)
        let unreported = try next.summary()["unreported"] as? [String: Any] ?? [:]
        let losing = unreported["filesLosingRuns"] as? [[String: Any]] ?? []
        #expect(losing.map { $0["path"] as? String } == ["logs/a.json"], "\(next.stdout)")
        #expect((losing.first?["reason"] as? String)?.contains("2024-05-03: 1 → 0") == true, "\(losing)")
        let after = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(after.exitCode == 0, "stated once: \(after.stdout)")
    }
}
