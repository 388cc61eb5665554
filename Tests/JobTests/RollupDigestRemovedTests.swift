import Foundation
import Testing

/// A counted file's rollup digest removed behind Kouka's back, so that the nightly job would record one of whatever its
/// rollups had become: the job names it and records none, and `kouka-audit verify` keeps naming it. Only a store
/// written before Kouka kept digests gets them, once.
@Suite(.serialized) struct RollupDigestRemovedTests {
    typealias City = VerifyTamperTests.City

    static func nightly(_ city: City) throws -> (code: Int32, removed: [String]) {
        let result = try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"])
        let removed = try result.summary()["rollupDigestsRemoved"] as? [[String: Any]] ?? []
        return (result.exitCode, removed.compactMap { $0["path"] as? String })
    }

    @Test func theRollupsOfAGoneFileRaisedAndTheirDigestRemovedAreNotLaundered() throws {
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"))
        try city.nightly()
        try city.sql("""
            UPDATE rollups SET events = events + 300, quantity = quantity + 300
            WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv');
            UPDATE source_files SET rollups_sha256 = NULL WHERE path = 'logs/winactor/b.csv';
            """)
        // Twice: the first run records no digest that would let the second pass.
        for _ in 0..<2 {
            let run = try Self.nightly(city)
            #expect(run.code == 1, "done, with a finding")
            #expect(run.removed == ["logs/winactor/b.csv"])
        }
        let result = try city.verify()
        #expect(result.code == 1)
        let difference = result.differences.first { $0["subject"] as? String == "logs/winactor/b.csv" && $0["field"] as? String == "rollups_sha256" }
        #expect(difference?["kind"] as? String == "rollups-digest")
        let detail = difference?["detail"] as? String ?? ""
        #expect(detail.contains("removed behind Kouka's back"), "\(detail)")
        #expect(!VerifyTamperTests.named(result.differences, kind: "unverifiable"), "not a store from before digests: \(result.differences)")
        // Nor is a report made from rollups that may have been changed with it.
        let report = try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"])
        #expect(report.exitCode == 65)
        #expect(report.stdout.contains("logs/winactor/b.csv among them, have no digest of their rollups"), "\(report.stdout)")
    }

    @Test func aStoreWrittenBeforeKoukaKeptDigestsGetsThemOnceAndVerifies() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE source_files SET rollups_sha256 = NULL; DELETE FROM migrations WHERE name IN ('v12', 'rollup digests kept');" + storeBeforeSealsSQL)
        let before = try city.verify()
        #expect(before.code == 1)
        #expect(VerifyTamperTests.named(before.differences, kind: "unverifiable", subject: "logs/winactor/b.csv"))
        #expect(before.differences.allSatisfy { ($0["detail"] as? String ?? "").contains("run kouka-nightly once") })
        #expect(try Self.nightly(city).removed == [])
        let after = try city.verify()
        #expect(after.code == 0, "\(after.differences)")
    }
}
