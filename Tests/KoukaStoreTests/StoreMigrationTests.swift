import Foundation
import Kouka
import Testing

/// Opening a store file: migrations run once, data survives reopening, unknown schemas and unwritable
/// places are refused.
struct StoreMigrationTests {
    typealias F = StoreFixtures

    @Test func reopeningAFileKeepsItsDataAndMigratesNothingTwice() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        do {
            let store = try KoukaStore(path: path)
            try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)],
                                          rejections: [Rejection(file: "a.log", line: 4, reason: "r")])
            try store.recordJobRun(JobRunRecord(job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00",
                                                endedAt: "2024-04-02T02:00:03+09:00", filesRead: 1, rowsRead: 10, rowsRejected: 1, exitCode: 1))
        }
        for _ in 0..<2 {
            let reopened = try KoukaStore(path: path)
            #expect(try reopened.sources().map(\.path) == ["a.log"])
            #expect(try reopened.rollups(from: F.april1, to: F.april1).map(\.totals.events) == [2])
            #expect(try reopened.rejections().map(\.line) == [4])
            #expect(try reopened.jobRuns().count == 1)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 command"))
    func aDatabaseFromANewerKoukaIsRefused() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        _ = try KoukaStore(path: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "INSERT INTO migrations (name) VALUES ('v99-from-the-future')"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        #expect(throws: StoreError.newerSchema(path: path, migration: "v99-from-the-future")) { try KoukaStore(path: path) }
    }

    @Test func aPlaceThatCannotBeWrittenIsAnOutputFailure() throws {
        let path = "/nonexistent-kouka-dir/\(UUID().uuidString)/kouka.sqlite"
        let error = #expect(throws: StoreError.self) { try KoukaStore(path: path) }
        #expect(error?.isOutputFailure == true)
        if case .cannotOpen(let failedPath, _)? = error { #expect(failedPath == path) } else { Issue.record("expected cannotOpen, got \(String(describing: error))") }
    }
}
