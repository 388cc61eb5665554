import Foundation
import Testing

/// The store's folder gone (its volume not mounted, moved away) while the report folder holds sets made from it: the
/// nightly run stops (74) and creates nothing, rather than begin a new store that counts only the logs retention left —
/// a month's set made from it stated 450.33 h where the logs had given 550.33, exit 0 (helper-188 #2).
@Suite struct StoreMissingTests {
    @Test func aMissingStoreBesideReportSetsStopsTheNight() throws {
        let city = try SmallCity.flows("store-missing", database: "store/kouka.sqlite")
        defer { city.remove() }
        try city.write("logs/flows.json", """
            [{"name": "住民税_課税", "startedon": "2024-06-03T00:00:00Z", "completedon": "2024-06-03T00:10:00Z", "runduration": 600, "statuscode": 4}]
            """)
        let first = try city.nightly()
        #expect(first.exitCode == 0)
        // The night a store is begun says so (a city's first night, or a store missing with the report folder beside it).
        #expect((try first.summary()["storeBegun"] as? String)?.hasSuffix("store/kouka.sqlite") == true)
        #expect(first.stderr.contains("a new store was begun"))
        #expect(try city.nightly().summary()["storeBegun"] == nil)
        #expect(try city.report(2024).exitCode == 0)
        let store = city.root.appendingPathComponent("store"), away = city.root.appendingPathComponent("store.away")
        try FileManager.default.moveItem(at: store, to: away)

        let night = try city.nightly()
        #expect(night.exitCode == 74)
        #expect(night.stderr.contains("does not exist, but") && night.stderr.contains("FY2024"), "\(night.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.path), "nothing created")
        // The report and verify say the same, not "run kouka-nightly first" (64), which led to this stop (helper-202 #1).
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 74)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 74 && verify.stderr.contains("does not exist, but"), "\(verify.stderr)")

        // Put back, the night goes on; a store built again on purpose is begun with --new-store.
        try FileManager.default.moveItem(at: away, to: store)
        #expect(try city.nightly().exitCode == 0)
        try FileManager.default.removeItem(at: store)
        let rebuilt = try JobProcess.run("kouka-nightly", ["--config", city.config, "--new-store"])
        #expect(rebuilt.exitCode == 0)
        #expect(try rebuilt.summary()["storeBegun"] != nil)
    }
}
