#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size blocks so that no parser ever holds a whole file, removes a leading
/// UTF-8 BOM, and settles the file's encoding from its first block.
final class ByteChunkReader {
    static let defaultBlockSize = 256 * 1024

    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var pendingFirst: Range<Int>? = nil
    /// Bytes of the file consumed so far, counting the BOM.
    private(set) var offset: Int64
    let encoding: TextEncoding
    let hadBOM: Bool

    /// Where reading stops; nil reads to the end of the file.
    private let endOffset: Int64?
    /// Takes every block as it is read, a BOM included; bytes read again after `restart(at:)` only once.
    var digest: (any ByteDigest)?
    private var digestedUpTo: Int64 = 0
    private var pendingRestart: Int64? = nil

    /// Opens `path` and reads from `startOffset` up to `endOffset`. A BOM is only looked for at offset 0.
    init(path: String, encoding: TextEncoding, startOffset: Int64 = 0, endOffset: Int64? = nil, blockSize: Int = defaultBlockSize) throws(InputError) {
        self.path = path
        self.endOffset = endOffset
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError.notARegularFile(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        fd = descriptor
        buffer = .allocate(byteCount: blockSize, alignment: 16)
        offset = startOffset
        digestedUpTo = startOffset
        if startOffset > 0, lseek(fd, off_t(startOffset), SEEK_SET) < 0 {
            close(fd)
            buffer.deallocate()
            throw InputError.cannotOpen(path: path, reason: "cannot seek to byte \(startOffset)")
        }
        let count = Self.fill(fd, buffer, limit: endOffset.map { $0 - startOffset })
        guard count >= 0 else {
            close(fd)
            buffer.deallocate()
            throw InputError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        // Checked once per file, never per byte: UTF-16 would otherwise be read as Shift_JIS and blamed on its content.
        if startOffset == 0, count >= 2, let order = UTF16Text.byteOrder(buffer[0], buffer[1]) {
            close(fd)
            buffer.deallocate()
            throw InputError.unreadableEncoding(path: path, found: "\(order.rawValue) text (Excel's \"Unicode テキスト\" or Notepad's \"Unicode\")")
        }
        var start = 0
        let bom = startOffset == 0 && count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        if bom { start = 3 }
        hadBOM = bom
        let first = UnsafeRawBufferPointer(rebasing: buffer[start..<count])
        self.encoding = encoding == .auto ? TextEncoding.sniff(first, hadBOM: bom) : encoding
        pendingFirst = start..<count
        offset += Int64(start)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// Calls `body` with each next block until the end of the file, or from where `restart(at:)` asked
    /// for, when `body` asked for it.
    func forEachBlock(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if let first = pendingFirst {
            pendingFirst = nil
            take(UnsafeRawBufferPointer(rebasing: buffer[0..<first.upperBound]), at: offset - Int64(first.lowerBound))
            if !first.isEmpty {
                let block = UnsafeRawBufferPointer(rebasing: buffer[first])
                offset += Int64(block.count)
                try body(block)
            }
        }
        while true {
            if let target = pendingRestart {
                pendingRestart = nil
                guard lseek(fd, off_t(target), SEEK_SET) >= 0 else { throw InputError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
                offset = target
            }
            let count = Self.fill(fd, buffer, limit: endOffset.map { $0 - offset })
            if count < 0 { throw InputError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { return }
            let block = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            take(block, at: offset)
            offset += Int64(count)
            try body(block)
        }
    }

    /// Makes reading go on from `offset` (before the end of what was read) once the current block's `body`
    /// returns, or when `forEachBlock` is called again.
    func restart(at target: Int64) {
        pendingRestart = target
    }

    /// Hands the digest the part of `block` (at file offset `start`) it has not had yet.
    private func take(_ block: UnsafeRawBufferPointer, at start: Int64) {
        guard let digest, start + Int64(block.count) > digestedUpTo else { return }
        let skip = Int(max(0, digestedUpTo - start))
        digest.update(UnsafeRawBufferPointer(rebasing: block[skip...]))
        digestedUpTo = start + Int64(block.count)
    }

    /// Reads until the buffer is full, `limit` bytes are read or the file ends; -1 on an error.
    private static func fill(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, limit: Int64?) -> Int {
        let wanted = limit.map { Int(max(0, min(Int64(buffer.count), $0))) } ?? buffer.count
        var total = 0
        while total < wanted {
            let n = read(fd, buffer.baseAddress! + total, wanted - total)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            total += n
        }
        return total
    }
}
