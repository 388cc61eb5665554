/// A cheap check that the part of a file already read has not changed: the SHA-256 of its first and last
/// 64 KiB. An appended log passes; a truncated, rotated or rewritten one almost never does, and then the
/// whole file is read again.
package enum PrefixFingerprint {
    static let window: Int64 = 64 * 1024

    /// The fingerprint of the first `length` bytes of `path`, or nil when they cannot be read.
    package static func of(path: String, length: Int64) -> String? {
        var hasher = SHA256()
        let head = min(length, window)
        guard hasher.update(fileAt: path, from: 0, to: head) else { return nil }
        let tailStart = max(head, length - window)
        guard hasher.update(fileAt: path, from: tailStart, to: length) else { return nil }
        return "\(length):" + hasher.finalizeHex()
    }

    /// `of(path:length:)` without reading the file again, from `hasher`, which has taken exactly its first
    /// `length` bytes; nil when they are more than the two windows hold. Up to that the windows are the
    /// whole prefix, in order: a day's log, just hashed for the ledger, is not read a third time.
    package static func of(hashedPrefix hasher: SHA256, length: Int64) -> String? {
        guard length <= 2 * window else { return nil }
        return "\(length):" + hasher.finalizeHex()
    }
}
