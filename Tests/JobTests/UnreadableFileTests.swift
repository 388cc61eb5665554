import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A log the job's user may not read is reported with its path and the system's reason, recorded in the
/// ledger as unreadable with that reason, and tried again every run; the rest is counted. Root reads every
/// file whatever its mode, so as root the job is run as `nobody` (setpriv).
struct UnreadableFileTests {
    /// Runs `executable` as the job's user: `nobody` when the tests run as root.
    static func asJobUser(_ executable: String, _ arguments: [String]) throws -> JobProcess.Result {
        geteuid() == 0
            ? try JobProcess.run(executable: "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments)
            : try JobProcess.run(executable: executable, arguments)
    }

    /// The ledger's status and reason for `path`, read with the sqlite3 shell as the job's user (so that
    /// the store's WAL files stay the job's).
    static func ledger(_ database: String, _ path: String) throws -> String {
        let query = "SELECT status || '|' || coalesce(reject_reason, '') FROM source_files WHERE path = '\(path)'"
        return try asJobUser("/usr/bin/sqlite3", [database, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aFileTheJobMayNotReadIsReportedAndTheRestCounted() throws {
        let root = URL(fileURLWithPath: "/tmp/kouka-perm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String, mode: Int16 = 0o644) throws {
            let url = root.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        let run = #"{"value": [{"name": "住民税_取込", "startedon": "2024-05-01T00:00:00Z", "runduration": 60, "statuscode": 4}]}"#
        try write("logs/a.json", run)
        try write("logs/b.json", run.replacingOccurrences(of: "05-01", with: "05-02"), mode: 0o000)
        for folder in [root, root.appendingPathComponent("logs")] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        }
        let job = JobProcess.productsFolder.appendingPathComponent("kouka-nightly").path
        let config = root.appendingPathComponent("kouka.toml").path
        let result = try Self.asJobUser(job, ["--config", config])
        #expect(result.exitCode == 1, "a file left unread is a finding")
        let summary = try result.summary()
        #expect(summary["filesRead"] as? Int == 1)
        let unreadable = summary["filesUnreadable"] as? [[String: Any]] ?? []
        #expect(unreadable.map { $0["path"] as? String } == ["logs/b.json"])
        #expect((unreadable.first?["reason"] as? String)?.contains("Permission denied") == true)
        #expect(result.stderr.contains("file=logs/b.json"))
        let database = root.appendingPathComponent("kouka.sqlite").path
        #expect(try Self.ledger(database, "logs/b.json") == "unreadable|logs/b.json: cannot open (Permission denied); check that the file exists and the job's user may read it")
        #expect(try Self.ledger(database, "logs/a.json") == "present|")

        // Still unreadable the next night: named again, nothing else read.
        let again = try Self.asJobUser(job, ["--config", config])
        #expect(again.exitCode == 1)
        #expect((try again.summary()["filesUnreadable"] as? [[String: Any]])?.map { $0["path"] as? String } == ["logs/b.json"])
        #expect(try again.summary()["filesUnchanged"] as? Int == 1)

        // Made readable, it is read and counts; nothing is left to look at.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root.appendingPathComponent("logs/b.json").path)
        let fixed = try Self.asJobUser(job, ["--config", config])
        #expect(fixed.exitCode == 0, "\(fixed.stdout)")
        #expect(try fixed.summary()["filesRead"] as? Int == 1)
        #expect(try fixed.summary()["rowsAccepted"] as? Int == 1)
        #expect(try Self.ledger(database, "logs/b.json") == "present|")
    }
}
