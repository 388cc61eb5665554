#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unlinked temporary file holding sorted chunks of run-id hashes, so that a file with millions of
/// runs is checked for repeats in bounded memory. It disappears when closed, even after a crash.
final class RunKeySpill {
    private let fd: Int32
    private var size: Int64 = 0
    /// The byte range of each sorted chunk written.
    private(set) var chunks: [Range<Int64>] = []

    /// Nil when no temporary file can be made; the caller then keeps its hashes in memory.
    init?() {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/kouka-runs-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = descriptor
    }

    deinit { close(fd) }

    /// Appends a sorted chunk; false when the disk refuses it.
    func write(sorted hashes: [UInt64]) -> Bool {
        let bytes = hashes.count * 8
        let written = hashes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < bytes {
                let n = pwrite(fd, raw.baseAddress! + done, bytes - done, off_t(size + Int64(done)))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard written else { return false }
        chunks.append(size..<size + Int64(bytes))
        size += Int64(bytes)
        return true
    }

    /// Reads up to `count` hashes at byte `offset` into `buffer`; the number read.
    func read(into buffer: inout [UInt64], at offset: Int64, count: Int) -> Int {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: count))
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count * 8, off_t(offset)) }
        let read = max(0, n) / 8
        buffer.removeLast(count - read)
        return read
    }
}
