import Foundation
import Testing

/// A store that cannot be read whole — damaged pages of `rollups`, a renamed column, a value Kouka never
/// writes, a store emptied — stops every job with 65 and a message naming the database and the table; no job turns it into a
/// report of fewer hours, and the earlier report set stays as it was, byte for byte.
@Suite(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
struct UnreadableStoreTests {
    enum Damage: String, CaseIterable, Sendable {
        /// The b-tree header of every page of `rollups` overwritten.
        case damagedPages
        /// `rollups.events` renamed to `runs`.
        case renamedColumn
        /// A rollup whose system is one Kouka has never heard of.
        case unknownSystem
        /// The file emptied (a failed copy, a restore that went wrong): Kouka would make a new, empty store of it.
        case emptied
    }

    /// A city whose May 2024 flow runs were read, and whose FY2024 report was written.
    struct City {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-store-damage-\(UUID().uuidString)")
        var config: String { root.appendingPathComponent("kouka.toml").path }
        var database: String { root.appendingPathComponent("kouka.sqlite").path }

        init() throws {
            try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
            try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
            try write("logs/a.json", Self.flows(20, prefix: "a"))
            let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
            let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
            guard nightly.exitCode == 0, report.exitCode == 0 else { throw CocoaError(.featureUnsupported) }
        }

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `count` successful flow runs on consecutive days from 2024-05-01, as a flowsession export.
        static func flows(_ count: Int, prefix: String) -> String {
            "[" + (0..<count).map { n in
                #"{"flowsessionid": "\#(prefix)\#(n)", "name": "住民税_取込", "startedon": "2024-05-\#(String(format: "%02d", 1 + n % 28))T00:00:00Z", "runduration": 60, "statuscode": 4}"#
            }.joined(separator: ",\n") + "]"
        }

        /// Every file of the FY2024 report set, by name.
        func reports() throws -> [String: Data] {
            let folder = root.appendingPathComponent("reports/FY2024")
            return try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: folder.path).map {
                ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
            })
        }

        func damage(_ damage: Damage) throws {
            switch damage {
            case .damagedPages: try StoreSurgery.damagePages(of: "rollups", in: database)
            case .renamedColumn: try StoreSurgery.run(database, "ALTER TABLE rollups RENAME COLUMN events TO runs")
            case .unknownSystem: try StoreSurgery.run(database, "UPDATE rollups SET family = 'robot' WHERE day = '2024-05-02'")
            case .emptied: try Data().write(to: URL(fileURLWithPath: database))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The job stopped with 65, said so on stderr and in its summary, naming the database and the table
    /// (`rollups`; the ledger's for an emptied store), and left the report set as it was.
    func expectStopped(_ result: JobProcess.Result, _ city: City, _ damage: Damage, reports before: [String: Data]) throws {
        #expect(result.exitCode == 65, "\(result.stdout)")
        let error = try result.summary()["error"] as? String ?? ""
        #expect(error.contains("database \(city.database)"), "\(error)")
        #expect(error.contains(damage == .emptied ? "table source_files" : "table rollups"), "\(error)")
        #expect(error.lowercased().contains("restore the database from a backup") || error.contains("Restore it from a backup"), "\(error)")
        #expect(result.stderr.contains("level=error"))
        #expect(try city.reports() == before)
    }

    @Test(arguments: Damage.allCases)
    func theReportStopsAndKeepsTheEarlierReports(_ damage: Damage) throws {
        let city = try City()
        defer { city.remove() }
        let before = try city.reports()
        try city.damage(damage)
        // Another generation time: any report written now would differ from the earlier one.
        let result = try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--generated-at", "2025-05-01T05:00:00+09:00"])
        try expectStopped(result, city, damage, reports: before)
    }

    @Test(arguments: Damage.allCases)
    func theTargetAuditStops(_ damage: Damage) throws {
        let city = try City()
        defer { city.remove() }
        let before = try city.reports()
        try city.damage(damage)
        try expectStopped(try JobProcess.run("kouka-audit", ["--config", city.config, "--fiscal-year", "2024"]), city, damage, reports: before)
    }

    @Test(arguments: Damage.allCases)
    func verificationStops(_ damage: Damage) throws {
        let city = try City()
        defer { city.remove() }
        let before = try city.reports()
        try city.damage(damage)
        try expectStopped(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]), city, damage, reports: before)
    }

    /// Verification checks every table's pages, also those no figure is read from: damaged run ids stop it.
    @Test func verificationChecksThePagesOfEveryTable() throws {
        let city = try City()
        defer { city.remove() }
        try StoreSurgery.damagePages(of: "run_keys", in: city.database)
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0, "a report reads no run id")
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(result.exitCode == 65)
        let error = try result.summary()["error"] as? String ?? ""
        #expect(error.contains("cannot read table run_keys of the database \(city.database)"), "\(error)")
    }

    /// Nightly stops where it touches the damage: here when it records a new export's rollups. Its transaction
    /// is rolled back, so nothing of the new export is in the ledger; the job-run ledger says the run failed with
    /// 65. (A rollup of an unknown system is not read by nightly, which replaces only the rollups of the files it
    /// reads.)
    @Test(arguments: [Damage.damagedPages, .renamedColumn])
    func nightlyStopsAndLeavesTheStore(_ damage: Damage) throws {
        let city = try City()
        defer { city.remove() }
        let before = try city.reports()
        try city.damage(damage)
        try city.write("logs/b.json", City.flows(5, prefix: "b"))
        try expectStopped(try JobProcess.run("kouka-nightly", ["--config", city.config]), city, damage, reports: before)
        let ledger = try Self.query(city.database, "SELECT group_concat(path, ' ') FROM source_files")
        #expect(!ledger.contains("logs/b.json"), "\(ledger)")
        #expect(try Self.query(city.database, "SELECT state || ' ' || exit_code FROM job_runs ORDER BY id DESC LIMIT 1") == "failed 65")
    }

    /// One value from the store, read by Python's sqlite3 rather than Kouka's code.
    static func query(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])", database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
