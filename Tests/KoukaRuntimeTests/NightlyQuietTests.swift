import Foundation
@testable import Kouka
import Testing

/// `NightlyQuiet` and `JobLock` share the nightly job's lock: a reader waits for a run that is recording and gives
/// up naming it; a run waits a moment for a reader whose snapshot is beginning, never for another run.
struct NightlyQuietTests {
    static func lockPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kouka-quiet-\(UUID().uuidString).lock").path
    }

    @Test func aReaderWaitsForARunAndGivesUpNamingIt() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try JobLock(path: path, job: "kouka-nightly")
        do {
            _ = try NightlyQuiet(lockPath: path, patience: 0.3)
            Issue.record("a reader went on while a run held the lock")
        } catch let held as LockHeld {
            #expect(held.holder.contains("job kouka-nightly"))
        }
        withExtendedLifetime(run) {}
    }

    @Test func aReaderGoesOnOnceTheRunIsOverAndARunWaitsForAReaderAMoment() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try JobLock(path: path, job: "kouka-nightly") }
        nonisolated(unsafe) let reader = try NightlyQuiet(lockPath: path, patience: 0.3)
        // The reader's snapshot begins; a run started meanwhile waits for it, then takes the lock.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { reader.release() }
        let run = try JobLock(path: path, job: "kouka-nightly", patience: 5)
        withExtendedLifetime(run) {}
    }

    @Test func withoutALockFileThereIsNothingToWaitFor() throws {
        _ = try NightlyQuiet(lockPath: Self.lockPath(), patience: 0)
    }
}
