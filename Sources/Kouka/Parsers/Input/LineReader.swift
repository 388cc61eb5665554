/// Streams a text file line by line in fixed-size blocks: LF or CRLF line ends, a last line with no
/// newline, a UTF-8 BOM removed.
package struct LineReader {
    /// One line, without its line end. The bytes are valid only inside the callback.
    package struct Line {
        package let bytes: UnsafeRawBufferPointer
        /// 1-based.
        package let number: Int
        /// The file offset just past this line's line end.
        package let endOffset: Int64
        /// False for a last line that has no newline yet (perhaps still being written).
        package let isTerminated: Bool
        /// True for a line longer than `LineReader.maxLineBytes`: `bytes` then holds only its beginning.
        package let isCut: Bool
    }

    /// No line is held longer than this: a file without line ends would otherwise be held whole.
    package static let maxLineBytes = 16 << 20

    package let path: String
    package let encoding: TextEncoding
    private let chunks: ByteChunkReader?
    /// Set for UTF-16 with a BOM (then `encoding` is UTF-8, what the lines are handed over as).
    private let utf16: UTF16LineReader?
    private let firstLineNumber: Int

    /// Opens `path`; with `startOffset` > 0, reading resumes there and lines are numbered from `firstLine`.
    /// A file that starts with a UTF-16 BOM is read as UTF-16 whatever `encoding` says (only a BOM tells it).
    /// `digest`, read from the file's first byte only, takes every block as it is read (`ByteChunkReader`), so
    /// that the file need not be read again to be hashed; a UTF-16 file's bytes are not handed over.
    package init(path: String, encoding: TextEncoding = .auto, startOffset: Int64 = 0, firstLine: Int = 1,
                 digest: (any ByteDigest)? = nil) throws(InputError) {
        self.path = path
        firstLineNumber = firstLine
        if let order = try UTF16Text.byteOrder(atPath: path) {
            utf16 = UTF16LineReader(path: path, order: order, startOffset: startOffset, firstLine: firstLine)
            chunks = nil
            self.encoding = .utf8
            return
        }
        utf16 = nil
        let chunks = try ByteChunkReader(path: path, encoding: encoding, startOffset: startOffset)
        if startOffset == 0 { chunks.digest = digest }
        self.chunks = chunks
        self.encoding = chunks.encoding
    }

    /// Calls `body` with every line in order.
    package func forEachLine(_ body: (Line) throws -> Void) throws {
        guard let chunks else { return try utf16!.forEachLine(body) }
        var carry: [UInt8] = []
        var cut = false
        var number = firstLineNumber
        var lineStartOffset = chunks.offset
        try chunks.forEachBlock { block in
            let blockStart = chunks.offset - Int64(block.count)
            var start = 0
            while start < block.count {
                guard let newline = Self.indexOfNewline(block, from: start) else {
                    Self.keep(block[start...], in: &carry, cut: &cut)
                    return
                }
                let end = blockStart + Int64(newline + 1)
                if carry.isEmpty && newline - start <= Self.maxLineBytes {
                    try Self.emit(UnsafeRawBufferPointer(rebasing: block[start..<newline]), number, end, true, false, body)
                } else {
                    Self.keep(block[start..<newline], in: &carry, cut: &cut)
                    try carry.withUnsafeBytes { try Self.emit($0, number, end, true, cut, body) }
                    carry.removeAll(keepingCapacity: carry.count < 1 << 20)
                    cut = false
                }
                number += 1
                lineStartOffset = end
                start = newline + 1
            }
        }
        if !carry.isEmpty {
            try carry.withUnsafeBytes { try Self.emit($0, number, lineStartOffset + Int64($0.count), false, cut, body) }
        }
    }

    /// Adds `bytes` to the line being gathered, up to the limit; past it, only notes that the line was cut.
    private static func keep(_ bytes: Slice<UnsafeRawBufferPointer>, in carry: inout [UInt8], cut: inout Bool) {
        let room = maxLineBytes - carry.count
        if bytes.count > room { cut = true }
        carry.append(contentsOf: bytes.prefix(max(0, room)))
    }

    private static func emit(
        _ raw: UnsafeRawBufferPointer, _ number: Int, _ end: Int64, _ terminated: Bool, _ cut: Bool, _ body: (Line) throws -> Void
    ) throws {
        var bytes = raw
        if terminated, !cut, let last = bytes.last, last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        try body(Line(bytes: bytes, number: number, endOffset: end, isTerminated: terminated, isCut: cut))
    }

    private static func indexOfNewline(_ block: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = block.baseAddress, start < block.count else { return nil }
        guard let hit = memchr(base + start, 0x0A, block.count - start) else { return nil }
        return UnsafeRawPointer(hit) - base
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
