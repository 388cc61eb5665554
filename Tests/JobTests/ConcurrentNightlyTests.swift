import Foundation
import Testing

/// A nightly run that commits while a report, an audit or a verification is reading the store (as timers that
/// catch up after downtime make them) changes nothing that job reads: each reads one snapshot. The job is
/// paused at the statement that reads a later fiscal year's rollups, after it has read the earlier ones, and
/// nightly runs to the end in that pause.
@Suite(.enabled(if: PausedJob.library != nil, "needs a C compiler for the LD_PRELOAD pause"))
struct ConcurrentNightlyTests {
    /// The statement that reads one period's rollups.
    static let rollupsRead = "CROSS JOIN rollups"
    /// The statement that reads one period's repeated runs: once for each report built, also when every rollup was read
    /// at once before them.
    static let repeatedRunsRead = "WHERE repeated_run = 1 AND day BETWEEN"

    /// A city with flow runs in FY2023 and FY2024, read by nightly; `b.json`, with more runs in both years,
    /// is written only when nightly is to read it during the pause.
    struct City {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-concurrent-\(UUID().uuidString)")
        var config: String { root.appendingPathComponent("kouka.toml").path }

        init() throws {
            try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
            try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
            try write("logs/a.json", Self.flows(prefix: "a", count: 10))
            guard try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0 else { throw CocoaError(.featureUnsupported) }
        }

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `count` successful runs in May 2023 and as many in May 2024.
        static func flows(prefix: String, count: Int) -> String {
            "[" + [2023, 2024].flatMap { year in
                (1...count).map { n in
                    #"{"flowsessionid": "\#(prefix)\#(year)-\#(n)", "name": "住民税_取込", "startedon": "\#(year)-05-\#(String(format: "%02d", n))T00:00:00Z", "runduration": 60, "statuscode": 4}"#
                }
            }.joined(separator: ",\n") + "]"
        }

        /// Nightly reads `b.json`: 15 more runs in each fiscal year.
        func nightlyAddsRuns() throws {
            try write("logs/b.json", Self.flows(prefix: "b", count: 15))
            let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
            #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        }

        /// Every file of a report folder, by name.
        func files(_ folder: String) throws -> [String: Data] {
            let url = root.appendingPathComponent(folder)
            return try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: url.path).map {
                ($0, try Data(contentsOf: url.appendingPathComponent($0)))
            })
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Runs `job` paused before its `occurrence`-th run of `statement` (by default a read of a period's rollups), lets
    /// nightly add runs to both years in the pause, and returns how the job ended.
    static func withNightlyDuring(_ city: City, _ job: String, _ arguments: [String], occurrence: Int,
                                  statement: String = rollupsRead) throws -> JobProcess.Result {
        let paused = try PausedJob(job, arguments, pausingAt: statement, occurrence: occurrence)
        try #require(paused.waitUntilPaused(), "the job reached its run number \(occurrence) of \(statement)")
        try city.nightlyAddsRuns()
        return paused.finish()
    }

    @Test func aReportIsTheStoreAsItWasWhenItBegan() throws {
        let city = try City()
        defer { city.remove() }
        let stamp = ["--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00", "--today", "2025-04-10"]
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--output", city.root.appendingPathComponent("before").path] + stamp).exitCode == 0)
        // The report reads every rollup (the days outside any period that hold running totals, then every day's), then
        // builds FY2023 (for the comparison with the year before) and FY2024: nightly runs between the two reads.
        let during = try Self.withNightlyDuring(city, "kouka-report", ["--config", city.config, "--output", city.root.appendingPathComponent("during").path] + stamp,
                                                occurrence: 2)
        #expect(during.exitCode == 0, "\(during.stdout)")
        #expect(try city.files("during/FY2024") == city.files("before/FY2024"))
        // Afterwards the report has the new runs: the one above could have shown them.
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--output", city.root.appendingPathComponent("after").path] + stamp).exitCode == 0)
        #expect(try city.files("after/FY2024")["kouka-FY2024.json"] != city.files("before/FY2024")["kouka-FY2024.json"])
    }

    @Test func theTargetAuditIsTheStoreAsItWasWhenItBegan() throws {
        let city = try City()
        defer { city.remove() }
        let arguments = ["--config", city.config, "--fiscal-year", "2024", "--table"]
        let before = try JobProcess.run("kouka-audit", arguments)
        // Targets run FY2021–FY2025, their rollups read at once: nightly runs after FY2023 is built, before FY2024.
        let during = try Self.withNightlyDuring(city, "kouka-audit", arguments, occurrence: 4, statement: Self.repeatedRunsRead)
        #expect(during.exitCode == before.exitCode)
        #expect(during.stdout == before.stdout)
        #expect(try JobProcess.run("kouka-audit", arguments).stdout != before.stdout)
    }

    @Test func verificationFindsNoDifferenceANightlyRunMadeMeanwhile() throws {
        let city = try City()
        defer { city.remove() }
        // Verification reads every rollup, re-reads the logs, then each year's figures: nightly runs before FY2024's.
        let during = try Self.withNightlyDuring(city, "kouka-audit", ["verify", "--config", city.config], occurrence: 3)
        #expect(during.exitCode == 0, "\(during.stdout)")
        #expect(try during.summary()["differences"] as? [Any] == nil || (try during.summary()["differences"] as? [Any])?.isEmpty == true)
    }

    /// A report started while a nightly run is recording (its files committed a batch at a time) waits for the run
    /// to end, then states the whole night; it never states a night half recorded. The nightly run is paused while
    /// it records `b.json`, holding its lock; the report must still be waiting a moment later, however long it is.
    @Test func aReportStartedDuringANightlyRunWaitsForItAndStatesTheWholeNight() throws {
        let city = try City()
        defer { city.remove() }
        let stamp = ["--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00", "--today", "2025-04-10"]
        try city.write("logs/b.json", City.flows(prefix: "b", count: 15))
        let nightly = try PausedJob("kouka-nightly", ["--config", city.config, "--quiet"], pausingAt: "INSERT INTO rollups", occurrence: 1)
        try #require(nightly.waitUntilPaused(), "nightly reached its first rollup of b.json")
        // Never pauses: only started in the background.
        let report = try PausedJob("kouka-report", ["--config", city.config, "--output", city.root.appendingPathComponent("during").path] + stamp.filter { $0 != "--quiet" },
                                   pausingAt: "no statement has this text", occurrence: 1)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(report.isRunning, "the report waits for the nightly run")
        #expect(nightly.finish().exitCode == 0)
        let during = report.finish()
        #expect(during.exitCode == 0, "\(during.stdout) \(during.stderr)")
        #expect(during.stderr.contains("waiting for the nightly run"), "the wait is said")
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--output", city.root.appendingPathComponent("after").path] + stamp).exitCode == 0)
        let whole = try #require(try city.files("after/FY2024")["kouka-FY2024.json"])
        #expect(try city.files("during/FY2024")["kouka-FY2024.json"] == whole, "the whole night: a.json's runs and b.json's")
    }
}
