import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock on an output folder: a run writing report sets into it holds it alone; a check of the sets
/// shares it. So a check never reads a set half exchanged, and a run that cleans up what a killed run
/// left never removes the folder another run is writing. An `flock` on the folder itself: no lock file
/// among the reports, and the kernel drops it when its holder dies.
enum FolderLock {
    /// How long a run waits for another before it gives up with 75: writing a set takes seconds, and two
    /// timers that fire together (after downtime) should both write.
    static let patience: TimeInterval = 120

    /// Takes the lock on `folder` (held until the handle is closed), waiting up to `patience` seconds.
    static func take(_ folder: FolderHandle, exclusive: Bool, patience: TimeInterval = patience) throws(LockHeld) {
        let deadline = Date().addingTimeInterval(patience)
        while flock(folder.fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw LockHeld(path: folder.path, holder: "another kouka-report writing a report set there, or a check reading one")
            }
            usleep(100_000)
        }
    }
}
