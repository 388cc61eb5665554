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
}
