import Foundation
import Testing

/// IT staff rename or move a log among the sources during the day (an export given its month's name), and an auditor
/// verifies before the nightly run records the move. Its bytes are at the new path: nothing is missing, and naming the
/// old path a missing file (exit 1) was a false alarm. A counted file whose bytes are nowhere among the sources is still one.
@Suite struct VerifyAfterAFileMovedTests {
    typealias City = VerifyTamperTests.City

    private func move(_ city: City, _ from: String, to: String) throws {
        try FileManager.default.moveItem(at: city.root.appendingPathComponent(from), to: city.root.appendingPathComponent(to))
    }

    private func verify(_ city: City) throws -> (code: Int32, summary: [String: Any]) {
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        return (result.exitCode, try result.summary())
    }

    @Test func anExportRenamedAfterTheNightlyRunIsNoDifference() throws {
        let city = try City.verified()
        defer { city.remove() }
        // The run keeps its start in whole seconds: the rename comes a full second after it.
        Thread.sleep(forTimeInterval: 1.2)
        try move(city, "logs/winactor/b.csv", to: "logs/winactor/b-2024-05.csv")
        let (code, summary) = try verify(city)
        #expect(code == 0, "\(summary["differences"] ?? [])")
        let skipped = summary["filesSkipped"] as? [String] ?? []
        #expect(skipped.contains("logs/winactor/b-2024-05.csv: moved here from logs/winactor/b.csv after the last nightly run, which counted it there: the next run records the move"), "\(skipped)")
        try city.nightly()
        try city.report()
        let after = try city.verify()
        #expect(after.code == 0, "\(after.differences)")
    }

    @Test func aRobotsLogMovedWithLinesAddedSinceIsNoDifference() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        try move(city, "logs/uipath/2024-05-02_Execution.log", to: "logs/uipath/2024-05-02-robot2_Execution.log")
        let handle = try FileHandle(forWritingTo: city.root.appendingPathComponent("logs/uipath/2024-05-02-robot2_Execution.log"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((City.uipath("09:00:00", "2024-05-02", "late", "started") + "\n").utf8))
        try handle.close()
        let (code, summary) = try verify(city)
        #expect(code == 0, "\(summary["differences"] ?? [])")
        #expect((summary["filesSkipped"] as? [String] ?? []).contains { $0.hasPrefix("logs/uipath/2024-05-02_Execution.log: moved to logs/uipath/2024-05-02-robot2_Execution.log") })
    }

    @Test func aFileMovedOutOfTheSourcesIsStillMissing() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        try move(city, "logs/winactor/b.csv", to: "b.csv")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "missing-file", subject: "logs/winactor/b.csv"))
    }

    @Test func aNewFileWithOtherBytesIsNotTakenForAMissingOne() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"))
        try city.write("logs/winactor/c.csv", City.export(20...25))
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "missing-file", subject: "logs/winactor/b.csv"))
    }

    /// A log rotated (`mv b.csv b-old.csv`, a new file at its name holding no run yet): verified before the nightly run and after
    /// it, with the signed report made before the rotation, nothing differs — every figure holds. Before, verify named the old
    /// path changed, then the report outdated (helper-133).
    @Test func aRotatedExportIsNoDifferenceBeforeOrAfterTheNightlyRun() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        try move(city, "logs/winactor/b.csv", to: "logs/winactor/b-old.csv")
        // The new log has grown past the old one's size by the time the auditor verifies (helper-142).
        try city.write("logs/winactor/b.csv", City.export(40...60))
        let (before, summary) = try verify(city)
        #expect(before == 0, "\(summary["differences"] ?? [])")
        // Its runs are new to the year: before the nightly run the set is compared with no file holding them.
        try city.write("logs/winactor/b.csv", UnfinishedRunsTests.header + "\r\n")
        try city.nightly()
        let (after, next) = try verify(city)
        #expect(after == 0, "\(next["differences"] ?? [])")
        #expect((next["reportsStillHolding"] as? [Any])?.count == 1, "\(next)")
    }

    /// The counted file's bytes copied under a new name, then the file edited in place (the same inode): nothing was moved,
    /// and verify names the change (helper-134: both listed as moved, exit 0, until the next nightly run).
    @Test func aFileEditedInPlaceBesideACopyOfItsBytesIsStillChanged() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        let original = city.root.appendingPathComponent("logs/winactor/b.csv")
        try FileManager.default.copyItem(at: original, to: city.root.appendingPathComponent("logs/winactor/b-2024-05.csv"))
        let handle = try FileHandle(forWritingTo: original)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(City.export(7...15).utf8))
        try handle.close()
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "changed-file", subject: "logs/winactor/b.csv"), "\(result.differences)")
    }

    /// The same, saved the way editors save (a new file renamed over the old: a new inode), with a row changed and the size
    /// kept: not a log rotated, whose new file begins anew (helper-141: taken for a move, the edit unnamed until the next night).
    @Test func aFileEditedAndSavedThroughANewFileBesideACopyOfItsBytesIsStillChanged() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        let original = city.root.appendingPathComponent("logs/winactor/b.csv")
        try FileManager.default.copyItem(at: original, to: city.root.appendingPathComponent("logs/winactor/b-2024-05.csv"))
        let text = try String(contentsOf: original, encoding: .utf8)
        let edited = try #require(text.range(of: ",FINISH,")).lowerBound
        try Data(text.replacingCharacters(in: edited..<text.index(edited, offsetBy: 8), with: ",CANCEL,").utf8).write(to: original, options: .atomic)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "changed-file", subject: "logs/winactor/b.csv"), "\(result.differences)")
    }

    /// A file of one line (a usage answer saved by curl) edited and saved through a new file beside a copy of its bytes: it has
    /// no lines of its own to tell it from a log begun anew, and is an edit (helper-143: taken for a move, exit 0).
    @Test func aOneLineFileEditedBesideACopyIsStillChanged() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.write("logs/usage.json", #"{"character_count": 8000, "character_limit": 500000}"#)
        try city.write("kouka.toml", try String(contentsOfFile: city.config, encoding: .utf8) + "\n[[source]]\nformat = \"deepl-usage\"\npath = \"logs/usage*.json\"\ntask = \"DeepL\"\n")
        try city.nightly()
        Thread.sleep(forTimeInterval: 1.2)
        let usage = city.root.appendingPathComponent("logs/usage.json")
        try FileManager.default.copyItem(at: usage, to: city.root.appendingPathComponent("logs/usage-2024-05.json"))
        try Data(#"{"character_count": 9000, "character_limit": 500000}"#.utf8).write(to: usage, options: .atomic)
        let result = try city.verify()
        #expect(VerifyTamperTests.named(result.differences, kind: "changed-file", subject: "logs/usage.json"), "\(result.differences)")
    }
}
