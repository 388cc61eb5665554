#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSV file can be cut in two so that each half is read on its own core.
///
/// A line end is a record boundary when an even number of quote characters come before it since the
/// start of the data (an escaped `""` counts two). Shift_JIS and UTF-8 never use the bytes `"` or LF
/// inside a character, so counting bytes is enough. A file with a stray quote in an unquoted field
/// breaks the rule; the reader of the first half notices (it does not end between records) and the
/// caller reads the file in one piece instead.
enum CSVSplit {
    /// The first record boundary at or after the middle of `start..<end`, and the number of line feeds
    /// before it counted from `start`; nil when there is none, or the file cannot be read.
    static func boundary(path: String, start: Int64, end: Int64) -> (offset: Int64, lineFeeds: Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let blockSize = 1 << 20
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64)
        defer { block.deallocate() }
        let middle = start + (end - start) / 2
        var offset = start
        var quotes = 0
        var lineFeeds = 0
        while offset < end {
            let n = pread(fd, block.baseAddress, Int(min(Int64(blockSize), end - offset)), off_t(offset))
            guard n > 0 else { return nil }
            let bytes = UnsafeRawBufferPointer(rebasing: block[0..<n])
            // Up to the middle only counting is needed; it is the part that runs at memory speed.
            let countUpTo = offset >= middle ? 0 : Int(min(Int64(n), middle - offset)) & ~7
            for word in 0..<countUpTo / 8 {
                let bits = bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
                quotes += Self.count(of: 0x22, in: bits)
                lineFeeds += Self.count(of: 0x0A, in: bits)
            }
            for index in countUpTo..<n {
                let byte = bytes[index]
                if byte == 0x22 { quotes += 1 }
                if byte == 0x0A {
                    lineFeeds += 1
                    if quotes % 2 == 0 { return (offset + Int64(index) + 1, lineFeeds) }
                }
            }
            offset += Int64(n)
        }
        return nil
    }

    /// How many of the eight bytes of `word` equal `byte`, without a branch per byte.
    @inline(__always)
    private static func count(of byte: UInt8, in word: UInt64) -> Int {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        // The top bit of each byte ends up set exactly where that byte of x is zero.
        let zero = ~(((x & low) &+ low) | x | low)
        return zero.nonzeroBitCount
    }
}

extension CSVSplit {
    /// The number of line feeds in the first `end` bytes of the file (the header's few lines).
    static func lineFeeds(path: String, before end: Int64) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset: Int64 = 0
        var count = 0
        while offset < end {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(min(Int64($0.count), end - offset)), off_t(offset)) }
            guard n > 0 else { break }
            count += buffer[0..<n].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            offset += Int64(n)
        }
        return count
    }
}
