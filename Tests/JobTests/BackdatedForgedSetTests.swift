import Foundation
import Testing

/// A set made from a forged copy of the city (a run added to a log), its generatedAt set back before the night that read
/// the real log, put in place of the honest set: verify named it outdated ("the report was written from other source files
/// than the store counts now"), which an auditor takes for a set honest when made. The set lists bytes of the log that no
/// nightly run ever read at its path: it is named edited (helper-198 #1).
@Suite struct BackdatedForgedSetTests {
    @Test func aBackdatedSetOfBytesNeverReadIsEdited() throws {
        let city = try SmallCity.flows("backdated-forgery")
        defer { city.remove() }
        try city.write("logs/flows.json", "[" + SmallCity.flowRun("2024-06-03") + "]")
        #expect(try city.nightly().exitCode == 0)
        Thread.sleep(forTimeInterval: 1.1)
        let backdated = ISO8601DateFormatter().string(from: Date())
        Thread.sleep(forTimeInterval: 1.1)
        // The export grows: the next night reads it, after the time the forged set will state.
        try city.write("logs/flows.json", "[" + SmallCity.flowRun("2024-06-03") + ",\n" + SmallCity.flowRun("2024-06-04") + "]")
        #expect(try city.nightly().exitCode == 0)
        #expect(try city.report(2024).exitCode == 0)

        // The forger's copy: a run added to the export, read, and a set made stating the earlier time.
        let forgery = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-forgery-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: city.root, to: forgery)
        defer { try? FileManager.default.removeItem(at: forgery) }
        try Data(("[" + SmallCity.flowRun("2024-06-03") + ",\n" + SmallCity.flowRun("2024-06-04") + ",\n" + SmallCity.flowRun("2024-06-05") + "]").utf8)
            .write(to: forgery.appendingPathComponent("logs/flows.json"))
        let config = forgery.appendingPathComponent("kouka.toml").path
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", backdated]).exitCode <= 1)
        let set = city.root.appendingPathComponent("reports/FY2024")
        try FileManager.default.removeItem(at: set)
        try FileManager.default.copyItem(at: forgery.appendingPathComponent("reports/FY2024"), to: set)

        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 1)
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(differences.contains { $0["kind"] as? String == "written-report" && $0["field"] as? String == "sources[logs/flows.json].sha256" }, "\(differences)")
        #expect(!differences.contains { $0["kind"] as? String == "written-report-outdated" && $0["field"] as? String == "sources" }, "\(differences)")
    }
}
