import Dispatch
import Foundation

/// The SHA-256 of a large file, computed on a thread of its own while the file is parsed: hashing 1.6 GB
/// takes seconds, and before a reading it held up both cores. Not a dispatch queue: its threads may all
/// be busy reading files.
final class BackgroundHash: @unchecked Sendable {
    private let group = DispatchGroup()
    private var hasher: SHA256?

    init(path: String, size: Int64) {
        group.enter()
        Thread.detachNewThread { [self] in
            var hashing = SHA256()
            if hashing.update(fileAt: path, from: 0, to: size) { hasher = hashing }
            group.leave()
        }
    }

    /// Waits for the hash; nil when the file could not be read to the size it had.
    func wait() -> SHA256? {
        group.wait()
        return hasher
    }
}
