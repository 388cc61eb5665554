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
}
