import Foundation
import Testing

/// `kouka-audit verify` and the quality counts, on the sample city (whose logs have them): a store from before
/// they were kept verifies clean; a count changed behind Kouka's back does not.
@Suite(.serialized) struct QualityVerifyTests {
    static func sampleCity() throws -> (root: URL, config: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-quality-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CrashSafetyTests.sampleLogs, to: root)
        let config = root.appendingPathComponent("kouka.toml").path
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "\"../out/", with: "\"out/")
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 1, "the sample city has findings on purpose")
        return (root, config)
    }

    static func sql(_ database: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", database, statement]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aStoreFromBeforeQualityWasKeptVerifiesAndItsReviewSaysNotMeasured() throws {
        let (root, config) = try Self.sampleCity()
        defer { try? FileManager.default.removeItem(at: root) }
        // As the store of a Kouka before migration v11 is once migrated: no counts, no mark, and the rollup digests
        // that Kouka recorded (of the rollups alone; recorded again here by the next nightly run, as for a store from
        // before Kouka kept digests, which is not marked as keeping every digest).
        try Self.sql(root.appendingPathComponent("out/kouka.sqlite").path, """
            DELETE FROM rollup_quality; UPDATE source_files SET quality_kept = NULL, rollups_sha256 = NULL;
            DELETE FROM migrations WHERE name IN ('v12', 'rollup digests kept');
            """ + storeBeforeSealsSQL)
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode <= 1, "nothing new to read")
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        #expect(verify.exitCode == 0, "counts never read are not taken away: \(verify.stdout)")
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/reports/FY2024/kouka-FY2024.json"))) as? [String: Any]
        let ocr = ((report?["review"] as? [String: Any])?["sections"] as? [[String: Any]])?.first { $0["system"] as? String == "ai-ocr" }
        let rows = (ocr?["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]
        let rate = rows?.first { $0["key"] as? String == "correction-rate" }?["values"] as? [Any]
        #expect(rate?.allSatisfy { $0 is NSNull } == true, "not measured, never 0%")
    }

    @Test func aCorrectionCountChangedBehindKoukasBackIsFound() throws {
        let (root, config) = try Self.sampleCity()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.sql(root.appendingPathComponent("out/kouka.sqlite").path, "UPDATE rollup_quality SET value = 0 WHERE measure = 'fields_corrected'")
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        #expect(verify.exitCode == 1)
        #expect(verify.stdout.contains("fields_corrected"), "the rollup comparison names the count")
    }
}
