import Foundation
import Testing

/// A set that listed a file unreadable when it was made (a FIFO at its path at 02:00), the file read by a later night:
/// the set is outdated by it, not edited — a file listed unreadable has no digest, and no night read "its" bytes
/// (helper-200 #1: the bytes-never-read rule named the signed set as edited).
@Suite struct UnreadableListedSetVerifyTests {
    @Test func aFileListedUnreadableAndReadSinceMakesTheSetOutdated() throws {
        let city = try SmallCity.flows("unreadable-listed")
        defer { city.remove() }
        try city.write("logs/a.json", "[" + SmallCity.flowRun("2024-06-03") + "]")
        let b = city.root.appendingPathComponent("logs/b.json")
        #expect(mkfifo(b.path, 0o644) == 0)
        #expect(try city.nightly().exitCode == 1, "b.json cannot be read")
        Thread.sleep(forTimeInterval: 1.1)
        // Made now (not at a fixed time before the store began): the store kept what it read from before the set.
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        Thread.sleep(forTimeInterval: 1.1)
        try FileManager.default.removeItem(at: b)
        try city.write("logs/b.json", "[" + SmallCity.flowRun("2024-07-01") + "]")
        _ = try city.nightly()

        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        #expect(!differences.isEmpty)
        #expect(differences.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(differences.filter { $0["kind"] as? String != "written-report-outdated" })")
    }
}
