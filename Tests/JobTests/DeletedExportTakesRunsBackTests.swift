import Foundation
import Testing

/// Two overlapping exports: a.json (f1–f5) read first counts f3–f5, and b.json (f3–f8) leaves them out as counted in a.
/// b is then deleted (routine retention: it keeps its figures), and a saved over with May 1–2 only. f3–f5 are in b, which
/// cannot be read again: before, they counted nowhere — named once (exit 1), then the year's hours stayed 1.5 h short with
/// exit 0 every night after. b kept what it would have counted for each run it left out, and counts them now.
struct DeletedExportTakesRunsBackTests {
    static func deletedThenSavedOver() throws -> (city: SourceIdentityTests.City, night: JobProcess.Result) {
        let city = try OverwrittenExportTests.overlappingExports()
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/b.json"))
        // b deleted: it keeps f6–f8, and a f1–f5. 8 runs × 30 min.
        _ = try city.nightly()
        #expect(SourceIdentityTests.hours(try city.report()) == 4.0)
        try city.write("logs/a.json", OverwrittenExportTests.runs("f", 1...2))
        return (city, try city.nightly())
    }

    @Test func aDeletedExportCountsTheRunsItLeftOutWhenTheExportCountingThemNoLongerHoldsThem() throws {
        let (city, night) = try Self.deletedThenSavedOver()
        defer { city.remove() }
        // f1–f2 in a, f3–f8 in b: 8 runs × 30 min, as before a was saved over; every run is in a file Kouka read.
        #expect(SourceIdentityTests.hours(try city.report()) == 4.0, "\(night.stdout)")
        #expect(night.exitCode == 0, "\(night.stdout)")
        let summary = try night.summary()
        let taken = summary["runsTakenBack"] as? [[String: Any]] ?? []
        #expect(taken.map { $0["path"] as? String } == ["logs/b.json"], "\(night.stdout)")
        #expect((taken.first?["reason"] as? String)?.contains("it left 3 run(s) out as counted in logs/a.json") == true, "\(taken)")
        #expect((summary["filesLosingRuns"] as? [Any])?.isEmpty == true, "\(night.stdout)")
        let next = try city.nightly()
        #expect(next.exitCode == 0, "\(next.stdout)")
        #expect(SourceIdentityTests.hours(try city.report()) == 4.0)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// b written as compact JSON, one line, with a run of FY2023 and runs of FY2024 left out: the quarantine row b gives up
    /// when it takes a run back is one of that run's day. Any repeat row of the line was released: FY2023 lost its repeated
    /// run from its exclusions and FY2024 kept one that is counted (helper-72's F3).
    @Test func theRepeatReleasedIsTheRunsOwnOnACompactLine() throws {
        let city = try SourceIdentityTests.City(catalog: OverwrittenExportTests.catalog, source: OverwrittenExportTests.source)
        defer { city.remove() }
        func runs(_ days: [(String, String)]) -> String {
            "[" + days.map { #"{"flowsessionid": "\#($0.0)", "name": "住民税_取込", "startedon": "\#($0.1)T00:00:00Z", "runduration": 60, "statuscode": 4}"# }
                .joined(separator: ",") + "]"
        }
        let x = ("fx", "2024-03-20"), y = ("fy", "2024-05-02"), z = ("fz", "2024-05-03"), w = ("fw", "2024-05-10")
        try city.write("logs/a.json", runs([x, y, z]))
        _ = try city.nightly()
        try city.write("logs/b.json", runs([x, y, w]))
        _ = try city.nightly()
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/b.json"))
        _ = try city.nightly()
        try city.write("logs/a.json", runs([x, z]))
        _ = try city.nightly()
        for (year, repeated) in [("2023", 1), ("2024", 0)] {
            let audit = try JobProcess.run("kouka-audit", ["rejects", "--config", city.config, "--fiscal-year", year, "--quiet"])
            let rows = try audit.summary()["rows"] as? [[String: Any]] ?? []
            #expect(rows.count(where: { $0["repeatedRun"] as? Bool == true }) == repeated, "FY\(year): \(rows)")
        }
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// What b keeps of the runs it left out is covered by its rollup digest: changed behind Kouka's back, before b takes
    /// them back, verify names b's rollups.
    @Test func whatADeletedExportKeptOfTheRunsItLeftOutCannotBeChangedUnseen() throws {
        let city = try OverwrittenExportTests.overlappingExports()
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/b.json"))
        _ = try city.nightly()
        try QualityVerifyTests.sql(city.root.appendingPathComponent("kouka.sqlite").path, "UPDATE run_rollups SET machine_seconds = 0, quantity = 40")
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode != 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("logs/b.json"), "\(verify.stdout)")
    }
}
