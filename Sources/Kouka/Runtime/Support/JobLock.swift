import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Another run holds the lock; this run did nothing.
package struct LockHeld: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    /// What the holder wrote into the lock file: its pid and start time.
    package var holder: String

    package var description: String {
        "another Kouka run holds \(path) (\(holder.isEmpty ? "holder unknown" : holder)); this run exits without doing anything"
    }
}

/// An advisory lock beside the database, so two runs never overlap. The kernel drops an `flock` when its
/// holder dies, so a lock left by a killed run is taken over at once.
package final class JobLock {
    private let fd: Int32
    package let path: String

    /// How long a run waits for readers: a report or an audit holds the lock shared only while its snapshot of the
    /// store begins (`NightlyQuiet`), a moment. Another run, which holds it for the whole night, is not waited for.
    static let patience: TimeInterval = 10

    /// Takes the lock at `path`, waiting up to `patience` seconds for readers, or throws `LockHeld`.
    package init(path: String, job: String, patience: TimeInterval = patience) throws {
        self.path = path
        // Never through a link: one planted at the lock's name would have the job truncate its target.
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw OutputRefused.symbolicLink(path, remedy: "remove the link: Kouka creates the lock file beside the database itself")
            }
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(patience)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK || errno == EINTR
            let holder = Self.holder(fd)
            // A run that holds the lock writes its note into it; a reader, which holds it shared a moment, writes none.
            if busy && holder.isEmpty && Date() < deadline {
                usleep(50_000)
                continue
            }
            close(fd)
            throw LockHeld(path: path, holder: holder)
        }
        let note = "pid \(getpid()) job \(job) started \(UTCTimestamp.string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// What the lock's holder wrote into it: its pid, job and start time; empty for a reader (`NightlyQuiet`).
    static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        return String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).trimmingSpacesAndNewlines()
    }

    deinit {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
