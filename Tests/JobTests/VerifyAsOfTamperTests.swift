import Foundation
import Testing

/// A settled set's `asOf` moved back into the days before it settled, its SHA256SUMS made again: no file people read shows
/// the day, and its figures hold on either day, so verify passed — while a set made again over it took it for a 速報 and
/// restated nothing of what it had stated (helper-187 #1). The day is held to what the set says of itself as of it.
@Suite(.serialized) struct VerifyAsOfTamperTests {
    /// The set's `asOf` changed to `day` in its text, every other byte kept: as a person edits it (a JSON written again by
    /// another program is named for its bytes alone).
    func moveAsOf(_ city: VerifyTamperTests.City, to day: String) throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: city.reportJSON)) as? [String: Any])
        let stated = try #require(json["asOf"] as? String)
        let text = try String(contentsOf: city.reportJSON, encoding: .utf8)
        // The top level's key alone (indented once), not the review's or the target path's days.
        let key = "\n  \"asOf\" : \"\(stated)\""
        #expect(text.components(separatedBy: key).count == 2, "the set states its day once at its top level")
        try city.replace(in: "reports/FY2024/kouka-FY2024.json", key, with: "\n  \"asOf\" : \"\(day)\"")
        try resum(city)
    }

    func resum(_ city: VerifyTamperTests.City) throws {
        let folder = city.root.appendingPathComponent("reports/FY2024")
        #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
    }

    /// FY2024 ended on 2025-03-31 and settles as of 2025-04-09: as of the 5th the set would have been a 速報; as of March 1
    /// its year would have been under way.
    @Test(arguments: [("2025-04-05", "preliminary"), ("2025-03-01", "policyPeriod.years[2024].status")])
    func anAsOfMovedBackIsNamed(day: String, field: String) throws {
        let city = try VerifyTamperTests.City.verified()
        defer { city.remove() }
        try moveAsOf(city, to: day)
        let (code, differences) = try city.verify()
        #expect(code == 1)
        #expect(VerifyTamperTests.named(differences, kind: "written-report", subject: "kouka-FY2024.json", field: field), "\(differences)")
    }

    /// A policy-period set's closed year made "in-progress" in its JSON: its figures were no longer compared as the year's,
    /// and only the rendering named the set (helper-195 #4). The status is held to the day the set states.
    @Test func aPeriodSetsClosedYearMadeUnderWayIsNamed() throws {
        let city = try VerifyTamperTests.City.verified()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--period", "2021-2025", "--quiet"]).exitCode == 0)
        let folder = city.root.appendingPathComponent("reports/period-2021-2025")
        #expect(try JobProcess.run(executable: "/usr/bin/env", ["python3", "-c", """
            import re, sys
            p = sys.argv[1]; s = open(p, encoding='utf-8').read()
            i = s.index('"fiscalYear" : 2024', s.index('"table" :')); j = s.index('"status" : "actual"', i)
            open(p, 'w', encoding='utf-8').write(s[:j] + '"status" : "in-progress"' + s[j + len('"status" : "actual"'):])
            """, folder.appendingPathComponent("kouka-period-2021-2025.json").path]).exitCode == 0)
        #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        let (code, differences) = try city.verify()
        #expect(code == 1)
        #expect(VerifyTamperTests.named(differences, kind: "written-report", subject: "kouka-period-2021-2025.json", field: "table.years[2024].status"), "\(differences)")
    }
}
