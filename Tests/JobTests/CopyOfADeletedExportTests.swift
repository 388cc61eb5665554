import Foundation
import Testing

/// An export whose path has a counting line of its own, saved over (in place, or through a rename as Excel saves) with the
/// very bytes of an export deleted earlier, is a copy of that export: it counts nothing, and the deleted export keeps
/// counting them. Taken for the deleted export moved there (0.5.2 and before), its own line was dropped with what it
/// counted, without a word: runs only it held, and runs it had taken over from another deleted export, counted nowhere,
/// exit 0, and verify agreed (helper-80's chain fuzzer, F6).
@Suite(.serialized) struct CopyOfADeletedExportTests {
    typealias City = UnfinishedRunEndedLaterTests.City

    /// Writes `rows` under a name no source matches, then renames it over `name`: a new file at the path.
    static func replace(_ name: String, with rows: [(String, String, Int)], in city: City) throws {
        try city.export("\(name).new", rows)
        let logs = city.root.appendingPathComponent("logs")
        #expect(rename(logs.appendingPathComponent("\(name).new").path, logs.appendingPathComponent(name).path) == 0)
    }

    static func paths(_ summary: [String: Any], _ key: String) -> [String] {
        (summary[key] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
    }

    /// By hand: 2-b held t1 and t3 (t3 left out, counted in 1-a). 1-a is deleted and 2-b replaced by 1-a's bytes (t3, t5):
    /// 1-a's t3 and t5 count, 2 × 165 min = 5.50 h; t1 is in no file any more, and the night names 2-b as a copy and as
    /// losing it (exit 1).
    @Test func anExportReplacedByADeletedExportsBytesIsItsCopyAndNamesWhatItLost() throws {
        let city = try City()
        defer { city.remove() }
        let held: [(String, String, Int)] = [("t3", "FINISH", 3), ("t5", "FINISH", 5)]
        try city.nights(("1-a.csv", held), ("2-b.csv", [("t1", "FINISH", 1), ("t3", "FINISH", 3)]))
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/1-a.csv"))
        _ = try city.nightly()
        try Self.replace("2-b.csv", with: held, in: city)
        let replaced = try city.nightly()
        #expect(replaced["exitCode"] as? Int == 1)
        #expect(Self.paths(replaced, "filesDuplicate") == ["logs/2-b.csv"], "\(replaced)")
        let reason = (replaced["filesDuplicate"] as? [[String: Any]])?.first?["reason"] as? String
        #expect(reason?.contains("the same bytes as logs/1-a.csv, which is no longer among the sources") == true, "\(reason ?? "")")
        #expect(Self.paths(replaced, "filesLosingRuns") == ["logs/2-b.csv"], "\(replaced)")
        #expect((replaced["filesRenamed"] as? [Any] ?? []).isEmpty, "\(replaced)")
        let task = try city.task()
        #expect(task["successes"] as? Int == 2)
        #expect(task["hoursSaved"] as? Double == 5.5)
        let verified = try city.verify()
        #expect(verified.code == 0, "\(verified.differences)")
        // It stays the copy: the next night neither moves the deleted export's line to it nor names it again.
        let next = try city.nightly()
        #expect(next["exitCode"] as? Int == 0, "\(next)")
        #expect((next["filesRenamed"] as? [Any] ?? []).isEmpty, "\(next)")
        #expect(try city.verify().code == 0)
    }

    /// By hand: 0-e counted t7 unfinished (−30 min) and was deleted; 2-b took t7 over ended (165 min) and left t5 out as
    /// counted in 1-a, deleted too. 2-b replaced by 1-a's bytes no longer holds t7: 0-e takes it back, unfinished, as it
    /// held it. t5 165 − t7 30 = 135 min = 2.25 h. Taken for 1-a moved, t7 counted nowhere: 2.75 h, exit 0.
    @Test func aRunTheReplacedExportTookOverIsTakenBack() throws {
        let city = try City()
        defer { city.remove() }
        try city.nights(("0-e.csv", [("t7", "PROCESSING", 3)]), ("1-a.csv", [("t5", "FINISH", 5)]))
        for name in ["0-e.csv", "1-a.csv"] { try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/\(name)")) }
        _ = try city.nightly()
        try city.export("2-b.csv", [("t1", "FINISH", 1), ("t7", "FINISH", 3), ("t5", "FINISH", 5)])
        let tookOver = try city.nightly()
        #expect(Self.paths(tookOver, "runsGivenUp") == ["logs/0-e.csv"], "\(tookOver)")
        try Self.replace("2-b.csv", with: [("t5", "FINISH", 5)], in: city)
        let replaced = try city.nightly()
        #expect(Self.paths(replaced, "filesDuplicate") == ["logs/2-b.csv"], "\(replaced)")
        #expect(Self.paths(replaced, "runsTakenBack") == ["logs/0-e.csv"], "\(replaced)")
        let task = try city.task()
        #expect(task["hoursSaved"] as? Double == 2.25)
        #expect(task["successes"] as? Int == 1)
        #expect(task["unfinished"] as? Int == 1)
        let verified = try city.verify()
        #expect(verified.code == 0, "\(verified.differences)")
    }

    /// Azure analyzeResult files carry no run id: only their bytes tell one document from another. b saved over in place
    /// with deleted a's bytes counted a's document twice, as its own new content (0.5.2). By hand: a's 3 sheets count once,
    /// b's 2 are in no file: 3 × (6 − 1) min = 15 min = 0.25 h.
    @Test(arguments: [false, true]) func aResultWithoutRunIdsSavedOverWithADeletedOnesBytesCountsOnce(throughARename: Bool) throws {
        let city = try SmallCity.formRecognizerV2("copy-of-deleted-result")
        defer { city.remove() }
        func result(pages: Int) -> String { SmallCity.invoiceResult(pages: pages) }
        try city.write("results/a.json", result(pages: 3))
        try city.write("results/b.json", result(pages: 2))
        #expect(try city.nightly().exitCode == 0)
        let results = city.root.appendingPathComponent("results")
        try FileManager.default.removeItem(at: results.appendingPathComponent("a.json"))
        #expect(try city.nightly().exitCode == 0)
        if throughARename {
            try city.write("results/b.json.new", result(pages: 3))
            #expect(rename(results.appendingPathComponent("b.json.new").path, results.appendingPathComponent("b.json").path) == 0)
        } else {
            let handle = try FileHandle(forWritingTo: results.appendingPathComponent("b.json"))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(result(pages: 3).utf8))
            try handle.close()
        }
        let replaced = try city.nightly()
        #expect(replaced.exitCode == 1, "\(replaced.stdout)")
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let line = SmallCity.tasks(json)["A01"]
        #expect(line?["units"] as? Double == 3)
        #expect(line?["hoursSaved"] as? Double == 0.25)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// The Form Recognizer city with results a (3 sheets) and b (2 sheets), read once.
    static func resultsCity(_ name: String) throws -> SmallCity {
        let city = try SmallCity.formRecognizerV2(name)
        try city.write("results/a.json", SmallCity.invoiceResult(pages: 3))
        try city.write("results/b.json", SmallCity.invoiceResult(pages: 2))
        #expect(try city.nightly().exitCode == 0)
        return city
    }

    /// A01's sheets and hours in the 2024 report.
    static func sheets(_ city: SmallCity) throws -> (units: Double?, hours: Double?) {
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let line = SmallCity.tasks(json)["A01"]
        return (line?["units"] as? Double, line?["hoursSaved"] as? Double)
    }

    /// The 3-sheet result at `path` saved again as other bytes of the same document (a newline added): the night exits 0,
    /// and the report holds b's 2 sheets and the 3 once, 5 × 5 min = 0.42 h, which verify agrees with.
    static func expectFiveSheetsThatVerify(_ city: SmallCity, afterSavingAgain path: String) throws {
        try city.write(path, SmallCity.invoiceResult(pages: 3) + "\n")
        #expect(try city.nightly().exitCode == 0)
        let (units, hours) = try sheets(city)
        #expect(units == 5)
        #expect(hours == 0.42)
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
    }

    static func move(_ from: String, _ to: String, in city: SmallCity) {
        #expect(rename(city.root.appendingPathComponent(from).path, city.root.appendingPathComponent(to).path) == 0)
    }

    /// A copy made while its original was there takes the original's line over once it is deleted, also when the copy was
    /// touched meanwhile (its mode changed): saved again later as the same document, it counts it once. By hand: b's 2
    /// sheets and the copy's 3, 5 × 5 min = 0.42 h (0.5.3's first build kept the copy a copy: 8 sheets, 0.67 h, exit 0).
    @Test func aTouchedCopyTakesOverItsDeletedOriginal() throws {
        let city = try Self.resultsCity("touched-copy")
        defer { city.remove() }
        try city.write("results/c.json", SmallCity.invoiceResult(pages: 3))
        #expect(try city.nightly().exitCode == 1)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("results/a.json"))
        #expect(chmod(city.root.appendingPathComponent("results/c.json").path, 0o664) == 0)
        let deleted = try city.nightly()
        let renamed = try deleted.summary()["filesRenamed"] as? [[String: Any]]
        #expect(renamed?.compactMap { $0["to"] as? String } == ["results/c.json"], "\(deleted.stdout)")
        try Self.expectFiveSheetsThatVerify(city, afterSavingAgain: "results/c.json")
    }

    /// Two renames in one night (`mv b c; mv a b`): the file now at b is a itself, moved, not a copy; edited later, it
    /// still counts once. By hand: 5 sheets, 0.42 h, exit 0 (0.5.3's first build: b named a copy, then 8 sheets).
    @Test func aRenameChainInOneNightIsTwoMoves() throws {
        let city = try Self.resultsCity("rename-chain")
        defer { city.remove() }
        Self.move("results/b.json", "results/c.json", in: city)
        Self.move("results/a.json", "results/b.json", in: city)
        let renamed = try city.nightly()
        #expect(renamed.exitCode == 0, "\(renamed.stdout)")
        #expect((try renamed.summary()["filesDuplicate"] as? [Any])?.isEmpty == true, "\(renamed.stdout)")
        try Self.expectFiveSheetsThatVerify(city, afterSavingAgain: "results/b.json")
    }

    /// A file moved over a path whose own file counted (here deleted, its figures kept) takes the path's line: what that
    /// line counted is in no file Kouka reads, and is named (exit 1), where 0.5.2 dropped it without a word.
    @Test func aFileMovedOverACountedPathNamesWhatThePathCounted() throws {
        let city = try Self.resultsCity("moved-over")
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("results/b.json"))
        #expect(try city.nightly().exitCode == 0)
        Self.move("results/a.json", "results/b.json", in: city)
        let moved = try city.nightly()
        #expect(moved.exitCode == 1)
        let losing = try moved.summary()["filesLosingRuns"] as? [[String: Any]]
        #expect(losing?.compactMap { $0["path"] as? String } == ["results/b.json"])
        #expect((losing?.first?["reason"] as? String)?.contains("results/a.json was moved (renamed) over this path") == true)
        #expect(try Self.sheets(city).units == 3)
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
    }

    /// A path saved over with a deleted result's bytes stays that result's copy when the bytes come back under a new name
    /// and go again: it never takes the deleted result's line over, which would have its next save replace that result's
    /// figures. By hand: a's 3 sheets, kept by the deleted f, and b's new 4: 7 × 5 min = 0.58 h (taken over: 4 sheets).
    @Test func aCopyOfADeletedResultNeverTakesItsLineOver() throws {
        let city = try Self.resultsCity("copy-never-takes-over")
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("results/a.json"))
        #expect(try city.nightly().exitCode == 0)
        let handle = try FileHandle(forWritingTo: city.root.appendingPathComponent("results/b.json"))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(SmallCity.invoiceResult(pages: 3).utf8))
        try handle.close()
        #expect(try city.nightly().exitCode == 1)
        try city.write("results/f.json", SmallCity.invoiceResult(pages: 3))
        #expect(try city.nightly().exitCode == 0)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("results/f.json"))
        let gone = try city.nightly()
        #expect((try gone.summary()["filesRenamed"] as? [Any])?.isEmpty == true, "\(gone.stdout)")
        try city.write("results/b.json", SmallCity.invoiceResult(pages: 4))
        _ = try city.nightly()
        let (units, hours) = try Self.sheets(city)
        #expect(units == 7)
        #expect(hours == 0.58)
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
    }
}
