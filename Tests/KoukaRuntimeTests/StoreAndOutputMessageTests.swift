import Foundation
@testable import Kouka
import Testing

/// Messages staff act on after a store or an output folder failed (helper-145 #2 and #4).
struct StoreAndOutputMessageTests {
    /// A store made read-only for a night leaves its -shm read-only: the message names the files beside it.
    @Test func aReadOnlyStoreNamesItsWalAndShmFiles() {
        let error = StoreError.sqlite(code: 8, message: "attempt to write a readonly database", sql: "BEGIN IMMEDIATE")
        #expect(error.description.contains("its -wal and -shm files beside it"))
        #expect(KoukaExitCode.code(for: error) == .cannotWrite)
    }

    /// An output path through a file says which part is a file.
    @Test func anOutputFolderThroughAFileSaysWhichPartIsAFile() throws {
        let file = NSTemporaryDirectory() + "kouka-afile-\(UUID().uuidString)"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(ReportSetWriter.whyNotCreated(file + "/reports") == "\(file) is a file, not a folder; set output in kouka.toml (or --output) to a folder")
        // Through a link to a file too (helper-148 #9).
        let link = file + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(ReportSetWriter.whyNotCreated(link + "/reports") == "\(link) is a file, not a folder; set output in kouka.toml (or --output) to a folder")
    }

    /// A store whose runs' records were removed is a store that does not hold what it should (65), not a bad argument (64).
    @Test func verifyOfAStoreWithoutAFinishedNightlyRunIsADataError() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/11/02 09:00:00"),
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2026, month: 11, day: 27)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(today: day)).run()
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        try store.db.execute("DELETE FROM job_runs")
        #expect {
            try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        } throws: { error in
            error is NoFinishedNightlyRun && KoukaExitCode.code(for: error) == .dataError
        }
    }
}
