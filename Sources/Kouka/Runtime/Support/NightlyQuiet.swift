import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The nightly job's lock (`JobLock`), taken shared by a job that reads the store while its snapshot begins.
/// A nightly run commits its files a batch at a time, so a report read between two batches would state a night
/// half recorded, with exit 0. A reader waits for a run that is recording; a run that starts once the reader's
/// snapshot has begun changes nothing the reader reads, so the lock is let go then (`release()`), and a long
/// verification never holds up the night.
final class NightlyQuiet {
    /// How long a reader waits for a nightly run before it gives up (75): a city's night takes minutes, and a
    /// report timed just after it should wait rather than fail.
    static let patience: TimeInterval = 1_800
    private var fd: Int32 = -1

    /// Waits until no nightly run holds `lockPath`, then holds it shared. Without a lock file no nightly run ever
    /// recorded with one here (a store copied for an audit), and there is nothing to wait for.
    /// - Throws: `LockHeld` after `patience` seconds; `NightlyLockUnreadable` when the lock exists but cannot be opened.
    init(lockPath: String, patience: TimeInterval = patience) throws {
        fd = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return }
            throw NightlyLockUnreadable(path: lockPath, reason: errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(patience)
        var told = false
        while flock(fd, LOCK_SH | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                release()
                throw NightlyLockUnreadable(path: lockPath, reason: reason)
            }
            guard Date() < deadline else {
                let holder = JobLock.holder(fd)
                release()
                throw LockHeld(path: lockPath, holder: holder)
            }
            if !told {
                told = true
                Logger(label: "kouka").notice("waiting for the nightly run recording into the store to finish: a report read meanwhile would state a night half recorded",
                                              metadata: ["lock": "\(lockPath)", "holder": "\(JobLock.holder(fd))"])
            }
            usleep(100_000)
        }
    }

    deinit { release() }

    /// Lets the lock go: the reader's snapshot has begun.
    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}

/// The nightly job's lock exists but cannot be opened, so a reader cannot tell whether a run is recording.
package struct NightlyLockUnreadable: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String {
        "cannot open \(path) (\(reason)) to tell whether kouka-nightly is recording into the store, and a report read meanwhile would state a night half recorded; run this job as a user who may read the lock file beside the database"
    }
}
