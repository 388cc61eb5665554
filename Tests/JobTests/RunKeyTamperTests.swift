import Foundation
import Testing

/// The run ids a file counted (`run_keys`, `run_key_sets`), with which a later export holding the same runs leaves
/// them out, changed behind Kouka's back: no figure changes until such an export arrives, and then its runs count
/// twice. `kouka-audit verify` names the file as soon as its run ids are not those its reading gives.
@Suite(.serialized) struct RunKeyTamperTests {
    typealias City = VerifyTamperTests.City

    /// The export of runs t1–t10 that counts them: of its two copies, a-copy.csv sorts first, and a.csv is its duplicate.
    static let a = "(SELECT id FROM source_files WHERE path = 'logs/winactor/a-copy.csv')"

    @Test(arguments: [
        "DELETE FROM run_keys WHERE source_id = \(a)",
        "DELETE FROM run_key_sets WHERE source_id = \(a)",
        "UPDATE run_keys SET hashes = randomblob(length(hashes)) WHERE source_id = \(a)",
        "UPDATE run_keys SET chunk = 1 WHERE source_id = \(a)",
        "UPDATE run_key_sets SET last_day = '2024-05-05' WHERE source_id = \(a)",
        "UPDATE run_key_sets SET span_class = 0 WHERE source_id = \(a)",
    ])
    func theRunIDsOfAFileChanged(_ tampering: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql(tampering)
        let result = try city.verify()
        #expect(result.code == 1)
        let named = result.differences.filter { $0["kind"] as? String == "run-keys" }
        #expect(named.map { $0["subject"] as? String } == ["logs/winactor/a-copy.csv"], "\(result.differences)")
        let detail = named.first?["detail"] as? String ?? ""
        #expect(detail.contains("changed behind Kouka's back") && detail.contains("kouka-nightly --since 2024-05-01"))
        // Its commit's digest names it too, as it would were the file no longer on disk.
        #expect(VerifyTamperTests.named(result.differences, kind: "run-keys-digest", subject: "logs/winactor/a-copy.csv"), "\(result.differences)")
    }

    @Test func runIDsRemovedAreFoundBeforeAnOverlappingExportCountsTheirRunsTwice() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("DELETE FROM run_keys WHERE source_id = \(Self.a); DELETE FROM run_key_sets WHERE source_id = \(Self.a)")
        #expect(VerifyTamperTests.named(try city.verify().differences, kind: "run-keys", subject: "logs/winactor/a-copy.csv"))
        // What the auditor is told to do puts the run ids back: the export that arrives next counts no run twice.
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet", "--since", "2024-05-01"]).exitCode <= 1)
        try city.write("logs/winactor/c.csv", City.export(1...12))
        let run = try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"])
        #expect(try run.summary()["rowsRepeated"] as? Int == 12)
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }

    /// The export that counted runs t1–t10 first deleted (with its copy), the later one, which left t6–t10 out, still
    /// on disk: read again, the later one leaves them out as it did, so a correct store verifies. The gone export's
    /// run ids removed behind Kouka's back then make the later one count them: named, though the gone file cannot
    /// be read again.
    @Test func theRunIDsOfAGoneExportStillDecideTheOverlappingOnes() throws {
        let city = try City.verified()
        defer { city.remove() }
        for name in ["a.csv", "a-copy.csv"] { try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/\(name)")) }
        try city.nightly()
        try city.report()
        let honest = try city.verify()
        #expect(honest.code == 0, "\(honest.differences)")
        try city.sql("DELETE FROM run_keys WHERE source_id = \(Self.a); DELETE FROM run_key_sets WHERE source_id = \(Self.a)")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "rollups", subject: "logs/winactor/b.csv"), "\(result.differences)")
    }
}
