import CCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams CSV records through libcsv: fixed-size block reads, quoted fields with commas and newlines,
/// CRLF or LF, a BOM, UTF-8 or Shift_JIS (CP932), a last record with no newline.
///
/// Shift_JIS is parsed as bytes: its trail bytes (0x40–0xFC) never equal a comma, quote, CR or LF, so
/// libcsv splits it correctly and only the fields a parser asks for are decoded.
///
/// This is the only file that touches libcsv. The input is fed a line at a time so that each record
/// knows the line it starts on.
public final class CSVReader {
    public let path: String
    public let encoding: TextEncoding
    private let chunks: ByteChunkReader
    private let parser: UnsafeMutablePointer<csv_parser>
    private let collector: Collector
    private let firstLine: Int

    /// Opens `path`; with `startOffset` > 0 reading resumes there, numbering lines from `firstLine`, and
    /// with an `endOffset` it stops there.
    public init(path: String, encoding: TextEncoding = .auto, startOffset: Int64 = 0, endOffset: Int64? = nil, firstLine: Int = 1) throws(InputError) {
        self.path = path
        chunks = try ByteChunkReader(path: path, encoding: encoding, startOffset: startOffset, endOffset: endOffset)
        self.encoding = chunks.encoding
        self.firstLine = firstLine
        nextLine = firstLine
        parser = .allocate(capacity: 1)
        csv_init(parser, 0)
        collector = Collector()
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// The columns whose bytes are kept, by index; nil keeps them all. Set it (after the header row) to
    /// skip copying the fields a parser never reads: an export has 31 columns and a parser needs five.
    public var wantedColumns: [Int]? {
        didSet {
            var wanted = [Bool](repeating: wantedColumns == nil, count: (wantedColumns?.max() ?? -1) + 1)
            for column in wantedColumns ?? [] { wanted[column] = true }
            collector.wanted = wantedColumns == nil ? nil : wanted
        }
    }

    /// Whether the bytes read so far end between two records, not inside a quoted field or a record; set
    /// by `forEachRecord` before it finishes the last record. A part of a file that was split at a line end
    /// is only read the same as the whole file would be when this holds.
    public private(set) var endedAtRecordBoundary = true

    /// The number of the line after the last one read; set by `forEachRecord` when it finishes.
    public private(set) var nextLine: Int

    /// Calls `body` with every record in order, the header row included.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        var line = firstLine
        var atLineStart = true
        try chunks.forEachBlock { block in
            let blockStart = chunks.offset - Int64(block.count)
            var start = 0
            while start < block.count {
                let newline = Self.indexOfNewline(block, from: start)
                let end = newline.map { $0 + 1 } ?? block.count
                let piece = UnsafeRawBufferPointer(rebasing: block[start..<end])
                if atLineStart && !collector.inRecord && !Self.isBlank(piece) {
                    collector.recordLine = line
                    collector.inRecord = true
                }
                try feed(piece, line: line)
                try dispatch(endOffset: blockStart + Int64(end), body)
                atLineStart = newline != nil
                if newline != nil { line += 1 }
                start = end
            }
        }
        endedAtRecordBoundary = parser.pointee.pstate == 0 && !collector.inRecord
        nextLine = line
        let context = Unmanaged.passUnretained(collector).toOpaque()
        if csv_fini(parser, Collector.fieldEnded, Collector.recordEnded, context) != 0 {
            throw CSVError(path: path, line: line, reason: String(cString: csv_strerror(csv_error(parser))))
        }
        try dispatch(endOffset: chunks.offset, body)
    }

    private func feed(_ piece: UnsafeRawBufferPointer, line: Int) throws {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let parsed = csv_parse(parser, piece.baseAddress, piece.count, Collector.fieldEnded, Collector.recordEnded, context)
        if parsed != piece.count {
            throw CSVError(path: path, line: line, reason: String(cString: csv_strerror(csv_error(parser))))
        }
    }

    private func dispatch(endOffset: Int64, _ body: (CSVRecord) throws -> Void) throws {
        guard collector.completedCount > 0 else { return }
        let storage = collector.storageBytes
        let ends = collector.fieldEnds
        for done in UnsafeBufferPointer(start: collector.completed, count: collector.completedCount) {
            let fields = UnsafeBufferPointer(rebasing: ends[done.fields])
            let firstEnd = done.fields.lowerBound == 0 ? 0 : ends[done.fields.lowerBound - 1]
            try body(CSVRecord(storage: storage, ends: fields, firstEnd: firstEnd, line: done.line, endOffset: endOffset,
                               encoding: encoding, hasContent: done.hasContent))
        }
        collector.dropCompleted()
    }

    /// libcsv skips a line of nothing but spaces, tabs and line ends without starting a record.
    private static func isBlank(_ piece: UnsafeRawBufferPointer) -> Bool {
        piece.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
    }

    private static func indexOfNewline(_ block: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = block.baseAddress, start < block.count,
              let hit = memchr(base + start, 0x0A, block.count - start) else { return nil }
        return UnsafeRawPointer(hit) - base
    }

    /// Receives libcsv's callbacks: field bytes go into one flat buffer, finished records into a queue
    /// that the reader drains after each `csv_parse` call (a Swift error may not cross the C frames).
    ///
    /// The callbacks run for every field of every row, millions of times: the buffers are raw memory
    /// grown by hand, and dynamic exclusivity checks are off (nothing else touches them while a
    /// callback runs). Together that halves the cost of reading a row.
    private final class Collector {
        @exclusivity(unchecked) var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 1024)
        @exclusivity(unchecked) var storageCount = 0
        @exclusivity(unchecked) var storageCapacity = 64 * 1024
        @exclusivity(unchecked) var ends = UnsafeMutablePointer<Int>.allocate(capacity: 1024)
        @exclusivity(unchecked) var endsCount = 0
        @exclusivity(unchecked) var endsCapacity = 1024
        /// Records finished by the last `csv_parse` call, not yet handed on.
        @exclusivity(unchecked) var completed = UnsafeMutablePointer<(fields: Range<Int>, line: Int, hasContent: Bool)>.allocate(capacity: 16)
        @exclusivity(unchecked) var completedCount = 0
        @exclusivity(unchecked) var completedCapacity = 16
        /// Whether any field of the open record had bytes, copied or not.
        @exclusivity(unchecked) var openHasContent = false
        @exclusivity(unchecked) var openFirstField = 0
        @exclusivity(unchecked) var recordLine = 1
        @exclusivity(unchecked) var inRecord = false
        /// Which fields of a record to copy, by index; every field when nil.
        @exclusivity(unchecked) private var wantedFlags: UnsafeMutablePointer<Bool>? = nil
        @exclusivity(unchecked) private var wantedCount = 0

        deinit {
            storage.deallocate()
            ends.deallocate()
            completed.deallocate()
            wantedFlags?.deallocate()
        }

        var wanted: [Bool]? {
            get { wantedFlags.map { Array(UnsafeBufferPointer(start: $0, count: wantedCount)) } }
            set {
                wantedFlags?.deallocate()
                wantedFlags = nil
                wantedCount = 0
                guard let newValue else { return }
                let flags = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, newValue.count))
                flags.initialize(from: newValue, count: newValue.count)
                wantedFlags = flags
                wantedCount = newValue.count
            }
        }

        var storageBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: storageCount) }
        var fieldEnds: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ends, count: endsCount) }

        static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { field, length, context in
            Unmanaged<Collector>.fromOpaque(context!)._withUnsafeGuaranteedRef { collector in
                if length > 0 {
                    collector.openHasContent = true
                    let index = collector.endsCount - collector.openFirstField
                    let keep = collector.wantedFlags.map { index < collector.wantedCount && $0[index] } ?? true
                    if keep, let field { collector.appendBytes(field, length) }
                }
                if collector.endsCount == collector.endsCapacity { collector.growEnds() }
                collector.ends[collector.endsCount] = collector.storageCount
                collector.endsCount += 1
            }
        }

        static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
            Unmanaged<Collector>.fromOpaque(context!)._withUnsafeGuaranteedRef { collector in
                if collector.completedCount == collector.completedCapacity { collector.growCompleted() }
                (collector.completed + collector.completedCount).initialize(
                    to: (collector.openFirstField..<collector.endsCount, collector.recordLine, collector.openHasContent))
                collector.completedCount += 1
                collector.openFirstField = collector.endsCount
                collector.openHasContent = false
                collector.inRecord = false
            }
        }

        private func appendBytes(_ field: UnsafeMutableRawPointer, _ length: Int) {
            if storageCount + length > storageCapacity {
                let capacity = max(storageCapacity * 2, storageCount + length)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                grown.update(from: storage, count: storageCount)
                storage.deallocate()
                storage = grown
                storageCapacity = capacity
            }
            (storage + storageCount).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
            storageCount += length
        }

        private func growEnds() {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: ends, count: endsCount)
            ends.deallocate()
            ends = grown
            endsCapacity *= 2
        }

        private func growCompleted() {
            let grown = UnsafeMutablePointer<(fields: Range<Int>, line: Int, hasContent: Bool)>.allocate(capacity: completedCapacity * 2)
            grown.moveInitialize(from: completed, count: completedCount)
            completed.deallocate()
            completed = grown
            completedCapacity *= 2
        }

        /// Forgets dispatched records, keeping the fields of a record still open.
        func dropCompleted() {
            completedCount = 0
            if openFirstField == endsCount {
                storageCount = 0
                endsCount = 0
            } else {
                let byteShift = openFirstField == 0 ? 0 : ends[openFirstField - 1]
                memmove(storage, storage + byteShift, storageCount - byteShift)
                storageCount -= byteShift
                for index in openFirstField..<endsCount { ends[index - openFirstField] = ends[index] - byteShift }
                endsCount -= openFirstField
            }
            openFirstField = 0
        }
    }
}
