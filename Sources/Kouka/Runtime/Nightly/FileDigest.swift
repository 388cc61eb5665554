
/// A file's SHA-256, taken from the parser as it reads the file (`ByteDigest`), and completed from the file
/// itself for whatever the parser did not hand over (a reading that stopped early).
final class FileDigest: ByteDigest, @unchecked Sendable {
    // One thread feeds it at a time: the parser's, then the job's.
    private var hasher = SHA256()
    /// Bytes taken so far, from the file's first.
    private(set) var count: Int64 = 0
    /// Bytes it read from the file itself, those the parser did not hand over: the reading that hashing cost
    /// beyond the parse's own (none for a file the parser read to its end).
    private(set) var bytesReadItself: Int64 = 0

    func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bytes)
        count += Int64(bytes.count)
    }

    /// Set when a read of the file failed part-way: the hash has taken bytes its count does not know of.
    private var broken = false

    func update(fileAt path: String, range: Range<Int64>) -> Bool {
        guard !broken, range.lowerBound == count else { return false }
        guard hasher.update(fileAt: path, from: range.lowerBound, to: range.upperBound) else {
            broken = true
            return false
        }
        bytesReadItself += range.upperBound - range.lowerBound
        count = range.upperBound
        return true
    }

    /// The hash of the file's first `size` bytes, reading those the parser did not hand over; nil when they
    /// cannot be read (the file shrank while it was read), or when it took more than `size` (a hash cannot be
    /// taken back). It then holds those bytes: called again, it goes on from there.
    func complete(path: String, size: Int64) -> SHA256? {
        guard count <= size, update(fileAt: path, range: count..<size) else { return nil }
        return hasher
    }
}
