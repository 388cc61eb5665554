import Foundation
import Testing

/// An export overwritten by one that holds less (a monthly export saved over last month's under one name):
/// the file's figures follow what it holds now, and the nightly run says which days lost runs (exit 1),
/// where before it exited 0 and the year's hours fell without a word. A re-export that still holds every
/// run is no finding.
struct OverwrittenExportTests {
    static let catalog = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,0,2020-04-01,住民税_*\n"
    static let source = "[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n"

    static func runs(_ ids: ClosedRange<Int>) -> String {
        "[" + ids.map { #"{"flowsessionid": "f\#($0)", "name": "住民税_取込", "startedon": "2024-05-0\#($0)T00:00:00Z", "runduration": 60, "statuscode": 4}"# }
            .joined(separator: ",\n") + "]"
    }

    @Test func anExportOverwrittenByALaterOneThatHoldsLessNamesTheDaysThatLostRuns() throws {
        let city = try SourceIdentityTests.City(catalog: Self.catalog, source: Self.source)
        defer { city.remove() }
        try city.write("logs/export.json", Self.runs(1...3))
        #expect(try city.nightly().exitCode == 0)
        #expect(SourceIdentityTests.hours(try city.report()) == 1.5)
        // May 4–5's export saved over May 1–3's.
        try city.write("logs/export.json", Self.runs(4...5))
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let lost = try #require(try night.summary()["filesLosingRuns"] as? [[String: Any]])
        #expect(lost.count == 1)
        #expect((lost.first?["path"] as? String)?.hasSuffix("logs/export.json") == true)
        let reason = lost.first?["reason"] as? String ?? ""
        #expect(reason.contains("on 3 day(s) (2024-05-01: 1 → 0, 2024-05-02: 1 → 0, 2024-05-03: 1 → 0)"), "\(reason)")
        // The figures follow the file, as the summary says: 2 runs × 30 min.
        #expect(SourceIdentityTests.hours(try city.report()) == 1.0)
    }

    @Test func aReExportThatStillHoldsEveryRunIsNoFinding() throws {
        let city = try SourceIdentityTests.City(catalog: Self.catalog, source: Self.source)
        defer { city.remove() }
        try city.write("logs/export.json", Self.runs(1...3))
        #expect(try city.nightly().exitCode == 0)
        try city.write("logs/export.json", Self.runs(1...5))
        let night = try city.nightly()
        #expect(night.exitCode == 0, "\(night.stdout)")
        #expect((try night.summary()["filesLosingRuns"] as? [Any])?.isEmpty == true)
        #expect(SourceIdentityTests.hours(try city.report()) == 2.5)
    }

    /// Runs with flow session ids `prefix1`…, one a day in May from `days`.
    static func runs(_ prefix: String, _ days: ClosedRange<Int>) -> String {
        "[" + days.map { #"{"flowsessionid": "\#(prefix)\#($0)", "name": "住民税_取込", "startedon": "2024-05-0\#($0)T00:00:00Z", "runduration": 60, "statuscode": 4}"# }
            .joined(separator: ",\n") + "]"
    }

    /// a.json (f1–f5) read, then b.json (f3–f8), which leaves f3–f5 out as counted in a (exit 1 for the repeats): 4.0 h.
    static func overlappingExports() throws -> SourceIdentityTests.City {
        let city = try SourceIdentityTests.City(catalog: Self.catalog, source: Self.source)
        try city.write("logs/a.json", Self.runs("f", 1...5))
        #expect(try city.nightly().exitCode == 0)
        try city.write("logs/b.json", Self.runs("f", 3...8))
        #expect(try city.nightly().exitCode == 1, "3 repeated runs rejected")
        #expect(SourceIdentityTests.hours(try city.report()) == 4.0)
        return city
    }

    /// Two overlapping exports: a.json (f1–f5) read first counts f3–f5, and b.json (f3–f8) leaves them out as counted in a.
    /// When a is saved over, the runs it no longer counts are counted by b, read again the same night; where a still holds
    /// them no figure moves. Before, b kept leaving them out: the runs counted nowhere, with exit 0 every later night.
    @Test(arguments: [
        // Another machine's export saved over a: its own five runs, and b's six. 11 runs × 30 min. f1 and f2 are in no
        // file now: named (exit 1), though every day still has as many runs.
        ("g", 1...5, 5.5, 1),
        // a re-exported for May 1–2 only: f1–f8 are all on disk, b holds May 3–5 now, so no day lost a run. 8 runs.
        ("f", 1...2, 4.0, 0),
    ])
    func runsAnOverwrittenExportNoLongerCountsAreCountedByTheExportThatLeftThemOut(prefix: String, days: ClosedRange<Int>, hours: Double,
                                                                                    exitCode: Int32) throws {
        let city = try Self.overlappingExports()
        defer { city.remove() }
        try city.write("logs/a.json", Self.runs(prefix, days))
        let night = try city.nightly()
        #expect(night.exitCode == exitCode, "\(night.stdout)")
        let readAgain = try night.summary()["filesReadForEndedRuns"] as? [[String: Any]] ?? []
        #expect(readAgain.contains { ($0["path"] as? String)?.hasSuffix("logs/b.json") == true }, "\(night.stdout)")
        #expect(SourceIdentityTests.hours(try city.report()) == hours)
        #expect(try city.nightly().exitCode == 0, "the next night finds nothing")
        #expect(SourceIdentityTests.hours(try city.report()) == hours)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// a.json saved over with b.json's very bytes is a copy, which counts nothing: b, which left f3–f5 out as counted in a,
    /// counts them again. f1 and f2 are on disk no more; the night names a as a copy (exit 1).
    @Test func anExportMadeACopyOfTheOtherGivesItsRunsBack() throws {
        let city = try Self.overlappingExports()
        defer { city.remove() }
        try city.write("logs/a.json", Self.runs("f", 3...8))
        let night = try city.nightly()
        #expect(night.exitCode == 1)
        let copies = try night.summary()["filesDuplicate"] as? [[String: Any]] ?? []
        #expect(copies.map { ($0["path"] as? String ?? "").hasSuffix("logs/a.json") } == [true], "\(copies)")
        // f3–f8, 6 runs × 30 min, counted by b.
        #expect(SourceIdentityTests.hours(try city.report()) == 3.0)
        // Verify reads the store's copy after the file it copies, though the store recorded it first: no difference.
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// a.json saved over by something that is no export (an error page) is rejected whole and counts nothing: b counts the
    /// runs it left out for a. And a renamed (followed by its inode) before it is saved over: b's repeats name it by its new
    /// path, so b is found and read again all the same.
    @Test(arguments: [false, true])
    func runsGoBackToTheOtherExportWhenOneIsRejectedWholeOrRenamedFirst(renamed: Bool) throws {
        let city = try Self.overlappingExports()
        defer { city.remove() }
        var name = "logs/a.json"
        if renamed {
            name = "logs/a-2024-05.json"
            try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/a.json"), to: city.root.appendingPathComponent(name))
            #expect(try city.nightly().exitCode == 0)
            // Saved over by another machine's export: g1–g5, and b's f3–f8. 11 runs × 30 min.
            try city.write(name, Self.runs("g", 1...5))
        } else {
            // Only b's f3–f8 hold runs now: 6 × 30 min.
            try city.write(name, "<html><body>503 Service Unavailable</body></html>")
        }
        let night = try city.nightly()
        let readAgain = try night.summary()["filesReadForEndedRuns"] as? [[String: Any]] ?? []
        #expect(readAgain.map { $0["path"] as? String } == ["logs/b.json"], "\(night.stdout)")
        #expect(SourceIdentityTests.hours(try city.report()) == (renamed ? 5.5 : 3.0))
        #expect(try city.nightly().exitCode == 0, "the next night finds nothing new")
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }
}
