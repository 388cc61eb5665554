import Foundation
import Testing

/// A counted export edited in place, its size and modification time kept (100 items made 900): the next night reads it
/// again whole, and names it with exit 1 where it took the new figure with exit 0 (helper-89's
/// log-edited-in-place-rewrites-closed-year.sh). The same bytes written again under a new inode are no finding.
struct LogEditedInPlaceTests {
    static let configuration = MappedRobotCSV.configuration(
        columns: [#"task = "task""#, #"start = "start""#, #"status = "status""#, #"items = "items""#], values: [#"success = ["ok"]"#])

    /// T1's one run of 100 items, May 1, read by one night (exit 0); the export's URL.
    static func readOnce(_ city: SmallCity) throws -> URL {
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T1,課税資料取込,税務課,rpa,items,3,1,2020-04-01,T1

            """)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/runs_2024.csv", "task,start,status,items\nT1,2024/05/01 10:00:00,ok,100\n")
        #expect(try city.nightly().exitCode == 0)
        return city.root.appendingPathComponent("logs/runs_2024.csv")
    }

    @Test func aRewrittenPastIsNamed() throws {
        let city = try SmallCity("edited-in-place")
        defer { city.remove() }
        let export = try Self.readOnce(city)
        // The same bytes again, under a new inode: no finding.
        let bytes = try Data(contentsOf: export)
        try FileManager.default.removeItem(at: export)
        try bytes.write(to: export)
        #expect(try city.nightly().exitCode == 0)
        try Self.makeNineHundred(export)
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let restated = try night.summary()["filesRestatingDays"] as? [[String: Any]] ?? []
        #expect(restated.map { $0["path"] as? String } == ["logs/runs_2024.csv"])
        #expect((restated.first?["reason"] as? String)?.contains("2024-05-01 T1 success items: 1 run(s), 100 → 1 run(s), 900") == true, "\(restated)")
    }

    /// Edited in place: as many bytes, 100 items made 900, the modification time put back.
    static func makeNineHundred(_ export: URL) throws {
        let size = try Data(contentsOf: export).count
        let modified = try FileManager.default.attributesOfItem(atPath: export.path)[.modificationDate] as! Date
        let handle = try FileHandle(forWritingTo: export)
        try handle.seek(toOffset: UInt64(size - 4))
        try handle.write(contentsOf: Data("900\n".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: export.path)
    }

    /// A setting changed the night a counted log is edited reads the log again for the setting, and the edit is named all the
    /// same (helper-91's restate-bypass-by-setting.sh: `pending_max_hours = 25` or an unused value beside it, exit 0); so is
    /// an edit the night the time zone changes, by the sums over all the file's days. The zone changed alone is no finding.
    @Test(arguments: ["[nightly]\npending_max_hours = 25\n", "[nightly]\npending_max_hours = 25\n#zone", "#zone"])
    func anEditIsNamedWhateverTheSettingsChangedBesideIt(change: String) throws {
        let city = try SmallCity("edited-beside-a-setting")
        defer { city.remove() }
        let export = try Self.readOnce(city)
        let zone = change.hasSuffix("#zone") ? "timezone = \"UTC\"\n" : ""
        let setting = change.replacingOccurrences(of: "#zone", with: "")
        try city.write("kouka.toml", zone + Self.configuration + setting)
        if !zone.isEmpty {
            // The zone alone moves no run out of May 1 and changes no sum: no finding.
            let night = try city.nightly()
            #expect(night.exitCode == 0, "\(night.stdout)")
            try city.write("kouka.toml", Self.configuration + setting)
        }
        try Self.makeNineHundred(export)
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let restated = try night.summary()["filesRestatingDays"] as? [[String: Any]] ?? []
        #expect(restated.map { $0["path"] as? String } == ["logs/runs_2024.csv"])
        let reason = restated.first?["reason"] as? String ?? ""
        #expect(reason.contains("T1 success items: 1 run(s), 100 → 1 run(s), 900"), "\(restated)")
        #expect(reason.contains(zone.isEmpty ? "with the settings kouka.toml now gives" : "in the time zone kouka.toml gives now"), "\(reason)")
    }

    /// A catalog row's baseline edited in place changes figures already counted: the night it changes is named (exit 1), the
    /// store keeps the version, and the nights after are not; a row from a later day changes nothing counted.
    @Test func aCatalogRowChangedForDaysCountedIsNamedOnce() throws {
        let city = try SmallCity("catalog-edited")
        defer { city.remove() }
        let header = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\n"
        try city.write("catalog.csv", header + "T1,課税資料取込,税務課,rpa,items,3,1,2020-04-01,T1\n")
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/runs_2024.csv", "task,start,status,items\nT1,2024/05/01 10:00:00,ok,100\n")
        #expect(try city.nightly().exitCode == 0)
        try city.write("catalog.csv", header + "T1,課税資料取込,税務課,rpa,items,3,0.5,2020-04-01,T1\n")
        let changed = try city.nightly()
        #expect(changed.exitCode == 1)
        #expect(try changed.summary()["catalogRowsChanged"] as? [String] == [
            "T1 from 2020-04-01: residual minutes 1 → 0.50, in force since 2020-04-01: the figures of the days counted since change",
        ])
        #expect(try city.nightly().exitCode == 0)
        try city.write("catalog.csv", header + "T1,課税資料取込,税務課,rpa,items,3,0.5,2020-04-01,T1\nT1,課税資料取込,税務課,rpa,items,3,1,2099-04-01,T1\n")
        #expect(try city.nightly().exitCode == 0)
    }
}
