import Foundation
import Testing

/// A report set is one thing: `kill -9` at any step of writing it leaves the report folder holding the
/// whole old set or the whole new one, each passing its `SHA256SUMS`, and the next run removes what the
/// killed one left. The job is killed at its n-th step by `KOUKA_TEST_KILL_AT_STEP=n`, for n = 1, 2, …
/// until a run passes every step: every step is reached, whatever the machine's speed.
@Suite(.serialized) struct ReportSetSwitchTests {
    static let old = "2025-04-10T05:00:00+09:00", new = "2025-05-01T05:00:00+09:00"

    /// The report job generating at `stamp`, killed at step `step` when given.
    func report(_ city: ReportCity, at stamp: String, killedAt step: Int? = nil) throws -> (result: JobProcess.Result, killed: Bool) {
        try ReportCity.run("kouka-report", city.report(at: stamp), environment: step.map { ["KOUKA_TEST_KILL_AT_STEP": "\($0)"] } ?? [:])
    }

    /// The report folder holds `old` or `new` exactly, and `sha256sum -c` passes in it.
    func expectOneWholeSet(_ city: ReportCity, _ sets: [[String: Data]?], _ context: String) throws {
        let now = ReportCity.snapshot(city.folder)
        #expect(sets.contains { $0 == now }, "\(context): the folder holds \(now.map { $0.keys.sorted() } ?? []), neither set whole")
        if now != nil {
            let check = try ReportCity.sha256sumCheck(city.folder)
            #expect(check.exitCode == 0, "\(context): \(check.stdout) \(check.stderr)")
        }
    }

    /// After a killed run, the next one writes the new set whole and leaves nothing else in the output folder.
    func expectTheNextRunCleansUp(_ city: ReportCity, _ newSet: [String: Data], _ context: String) throws {
        let next = try report(city, at: Self.new)
        #expect(next.result.exitCode == 0, "\(context): \(next.result.stderr)")
        #expect(ReportCity.snapshot(city.folder) == newSet, "\(context)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.output.path) == ["FY2024"], "\(context): nothing left behind")
    }

    @Test func killedAtEveryStepOfReplacingASetTheFolderHoldsTheOldSetOrTheNew() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try report(city, at: Self.new).result.exitCode == 0)
        let newSet = try #require(ReportCity.snapshot(city.folder))
        #expect(try report(city, at: Self.old).result.exitCode == 0)
        let oldSet = try #require(ReportCity.snapshot(city.folder))
        try #require(oldSet != newSet && oldSet.keys.contains("SHA256SUMS"))

        var step = 1
        while step < 200 {
            #expect(try report(city, at: Self.old).result.exitCode == 0)
            #expect(ReportCity.snapshot(city.folder) == oldSet)
            let run = try report(city, at: Self.new, killedAt: step)
            guard run.killed else {
                #expect(run.result.exitCode == 0, "\(run.result.stderr)")
                #expect(ReportCity.snapshot(city.folder) == newSet)
                break
            }
            try expectOneWholeSet(city, [oldSet, newSet], "killed at step \(step)")
            // Killed again at the first step of the next run, which is removing what this one left.
            let again = try report(city, at: Self.new, killedAt: 1)
            #expect(again.killed, "step 1 of a run always exists")
            try expectOneWholeSet(city, [oldSet, newSet], "killed at step \(step), then at the next run's first")
            try expectTheNextRunCleansUp(city, newSet, "killed at step \(step)")
            step += 1
        }
        // Every file of the set (html, json, md, two CSV, xlsx), SHA256SUMS, the exchange and the removal of
        // the old set's seven files and its folder: each is a step the job was killed after.
        #expect(step > 17, "the job passed \(step - 1) steps")
    }

    @Test func aFolderHoldingAFileKoukaDidNotWriteIsNotReplaced() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        // A set with the Shift_JIS tables, then one without: the new set replaces the folder whole, so no
        // table of the earlier run stays beside it.
        #expect(try JobProcess.run("kouka-report", city.report(["--csv-shift-jis"])).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", city.report()).exitCode == 0)
        let set = try #require(ReportCity.snapshot(city.folder))
        #expect(!set.keys.contains { $0.contains("sjis") })

        // Someone's file in the folder would be deleted with the old set: the job stops and says so.
        try city.write("reports/FY2024/memo.txt", "監査メモ\n")
        let refused = try JobProcess.run("kouka-report", city.report(at: Self.new))
        #expect(refused.exitCode == 73)
        #expect(refused.stderr.contains("refusing to write \(city.folder.path): it holds memo.txt, which Kouka did not write"), "\(refused.stderr)")
        #expect(ReportCity.snapshot(city.folder) == set.merging(["memo.txt": Data("監査メモ\n".utf8)]) { $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.output.path) == ["FY2024"])
    }

    @Test func reportRunsStartedTogetherEachWriteTheirWholeSet() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        // A year's and a month's report at once, as two timers firing together after downtime: the second
        // waits for the first to finish with the output folder, and neither removes the other's work.
        for round in 0..<5 {
            let processes = [city.report(at: round % 2 == 0 ? Self.old : Self.new),
                             ["--config", city.config, "--month", "2024-05", "--quiet", "--generated-at", Self.new]].map { arguments in
                let process = Process()
                process.executableURL = JobProcess.productsFolder.appendingPathComponent("kouka-report")
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0], "round \(round)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: city.output.path).sorted() == ["2024-05", "FY2024"])
            for stem in ["2024-05", "FY2024"] {
                #expect(try ReportCity.sha256sumCheck(city.output.appendingPathComponent(stem)).exitCode == 0, "round \(round), \(stem)")
            }
        }
    }

    @Test func killedAtEveryStepOfTheFirstSetTheFolderIsAbsentOrWhole() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try report(city, at: Self.new).result.exitCode == 0)
        let newSet = try #require(ReportCity.snapshot(city.folder))

        var step = 1
        while step < 200 {
            try FileManager.default.removeItem(at: city.output)
            let run = try report(city, at: Self.new, killedAt: step)
            guard run.killed else {
                #expect(run.result.exitCode == 0, "\(run.result.stderr)")
                #expect(ReportCity.snapshot(city.folder) == newSet)
                break
            }
            try expectOneWholeSet(city, [nil, newSet], "first set, killed at step \(step)")
            try expectTheNextRunCleansUp(city, newSet, "first set, killed at step \(step)")
            step += 1
        }
        #expect(step > 8, "the job passed \(step - 1) steps")
    }
}
