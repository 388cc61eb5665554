#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSV file can be cut in two so that each part is read on its own core.
///
/// Whether a line end is a record boundary depends on every quote before it, and counting them took a pass
/// over half the file before either core could start. So the cut is a guess, made at the first part's share
/// of the file (a half, or less when that part's thread also hashes the file) and checked later: the reader
/// of the first part knows exactly whether it ended between two records (it read from the true start), and
/// when it did not, the caller reads the file in one piece. The guess is the first line end after that share
/// from which the next lines read as whole rows of the header's width; a line inside a quoted field (an
/// error message over several lines) seldom does.
enum CSVSplit {
    /// Rows that must read as whole rows after a guessed cut.
    static let rowsChecked = 8

    /// The offset just past a line end after `share` of `start..<end` (a half, or less when the first part's
    /// thread has more to do) where a record most likely begins; nil when there is no line end there, or the
    /// file cannot be read.
    static func boundary(path: String, start: Int64, end: Int64, share: Double = 0.5, fields: Int, encoding: TextEncoding,
                         delimiter: UInt8 = CSVInput.comma) -> Int64? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let windowSize = 1 << 20
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: windowSize, alignment: 64)
        defer { window.deallocate() }
        let middle = start + Int64(Double(end - start) * share)
        let n = pread(fd, window.baseAddress, Int(min(Int64(windowSize), end - middle)), off_t(middle))
        guard n > 0, let base = window.baseAddress else { return nil }
        var first: Int64? = nil
        var index = 0
        while index < n, let hit = memchr(base + index, 0x0A, n - index) {
            let cut = middle + Int64(UnsafeRawPointer(hit) - UnsafeRawPointer(base)) + 1
            guard cut < end else { break }
            if first == nil { first = cut }
            if startsWholeRows(path: path, at: cut, end: end, fields: fields, encoding: encoding, delimiter: delimiter) { return cut }
            index = Int(cut - middle)
        }
        return first
    }

    private struct Enough: Error {}

    /// Whether the records from `offset` on (up to `rowsChecked` of them) each have `fields` fields.
    private static func startsWholeRows(path: String, at offset: Int64, end: Int64, fields: Int, encoding: TextEncoding, delimiter: UInt8) -> Bool {
        let stop = min(end, offset + 64 * 1024)
        // A cut that cannot be opened is not used: the file is then read in one piece, and that reading reports
        // the file if it cannot be read at all. No figure depends on this answer, only how the file is read.
        let reader: CSVReader
        do { reader = try CSVReader(path: path, encoding: encoding, startOffset: offset, endOffset: stop) } catch { return false }
        reader.delimiter = delimiter
        var rows = 0
        var whole = true
        do {
            try reader.forEachRecord { record in
                // A record the window cuts off is not judged.
                guard !record.isBlank, record.endOffset < stop || stop == end else { return }
                rows += 1
                if record.count != fields { whole = false }
                if !whole || rows == rowsChecked { throw Enough() }
            }
        } catch {}
        return whole && rows > 0
    }

    /// The number of line ends (`lineEnd`: a line feed, or a carriage return in a file whose lines end so) in the first
    /// `end` bytes of the file (the header's few lines).
    static func lineEnds(path: String, before end: Int64, lineEnd: UInt8 = 0x0A) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset: Int64 = 0
        var count = 0
        while offset < end {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(min(Int64($0.count), end - offset)), off_t(offset)) }
            guard n > 0 else { break }
            count += buffer[0..<n].reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
            offset += Int64(n)
        }
        return count
    }
}
