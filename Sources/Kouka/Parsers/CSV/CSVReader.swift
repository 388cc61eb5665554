import CCSV
import CCSVFields
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
/// This is the only Swift file that touches libcsv; its callbacks, which put each field's bytes aside, are C
/// (`CCSVFields`). The input is fed a line at a time so that each record knows the line it starts on.
package final class CSVReader {
    package let path: String
    package let encoding: TextEncoding
    private let chunks: ByteChunkReader
    private let parser: UnsafeMutablePointer<csv_parser>
    /// Where libcsv's callbacks put the fields (`CCSVFields`).
    private let collector: UnsafeMutablePointer<kouka_csv_fields>
    private let firstLine: Int

    /// Opens `path`; with `startOffset` > 0 reading resumes there, numbering lines from `firstLine`, and
    /// with an `endOffset` it stops there.
    /// `blockSize`: the bytes read at a time (tests read in small blocks, so that every line is split over two somewhere).
    package init(path: String, encoding: TextEncoding = .auto, startOffset: Int64 = 0, endOffset: Int64? = nil, firstLine: Int = 1,
                 blockSize: Int? = nil) throws(InputError) {
        self.path = path
        chunks = try ByteChunkReader(path: path, encoding: encoding, startOffset: startOffset, endOffset: endOffset,
                                         blockSize: blockSize ?? ByteChunkReader.defaultBlockSize)
        self.encoding = chunks.encoding
        self.firstLine = firstLine
        nextLine = firstLine
        parser = .allocate(capacity: 1)
        csv_init(parser, 0)
        collector = .allocate(capacity: 1)
        guard kouka_csv_fields_init(collector) != 0 else {
            collector.deallocate()
            csv_free(parser)
            parser.deallocate()
            throw InputError.cannotRead(path: path, reason: "not enough memory to read it")
        }
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        kouka_csv_fields_free(collector)
        collector.deallocate()
    }

    /// The columns whose bytes are kept, by index; nil keeps them all. Set it (after the header row) to
    /// skip copying the fields a parser never reads: an export has 31 columns and a parser needs five.
    package var wantedColumns: [Int]? {
        didSet {
            guard let wantedColumns else {
                _ = kouka_csv_fields_set_wanted(collector, nil, 0)
                return
            }
            // At least one flag: no column wanted is not every column.
            var flags = [UInt8](repeating: 0, count: max(1, (wantedColumns.max() ?? -1) + 1))
            for column in wantedColumns { flags[column] = 1 }
            // Without room for the flags every column is kept: only slower, never another reading.
            _ = kouka_csv_fields_set_wanted(collector, flags, flags.count)
        }
    }

    /// The byte between fields: a comma, or a tab for Excel's "Unicode テキスト" and other tab-separated
    /// exports. Set it before reading.
    package var delimiter: UInt8 = 0x2C {
        didSet { csv_set_delim(parser, delimiter) }
    }

    /// Takes every byte read, in order, as it is read.
    package var digest: (any ByteDigest)? {
        get { chunks.digest }
        set { chunks.digest = newValue }
    }

    /// Whether the bytes read so far end between two records, not inside a quoted field or a record; set
    /// by `forEachRecord` before it finishes the last record. A part of a file that was split at a line end
    /// is only read the same as the whole file would be when this holds.
    package private(set) var endedAtRecordBoundary = true

    /// The number of the line after the last one read; set by `forEachRecord` when it finishes.
    package private(set) var nextLine: Int

    /// The header's width, once known: a record over several lines with another number of fields is an
    /// unclosed quote, not a row (see `CSVRecordDefect.unclosedQuote`).
    package var expectedFields: Int?
    /// The fewest fields a row may have, when fewer than `expectedFields`: a header ending in a delimiter names a column of no
    /// name that Excel leaves off some rows (`CSVRow.checkWidth` takes both). A record over several lines of either width
    /// is one whose quotes closed (helper-168 #2: an honest question over three lines, 8 fields beside a header of 9, was
    /// rejected as an unclosed quote).
    package var fewestFields: Int?

    /// The widths a record may have: `fewestFields` through `expectedFields`.
    private var acceptedWidths: ClosedRange<Int>? {
        expectedFields.map { expected in min(fewestFields ?? expected, expected)...expected }
    }

    /// Whether the lines of a broken record after its first are read again as rows (`CSVRecordDefect`'s recoveries); on
    /// by default. Off for a log that may hold what a citizen wrote (`CSVTable`'s `redactsValues`): there a quoted field
    /// over several lines is a question or a transcript, and a line of it can look like a row of the file (a pasted row, a
    /// date and amounts), its fields then being the citizen's words. A record of the header's width none of whose lines
    /// reads as a row is read as libcsv reads it; one with such a line, one of another width, or one still open at the
    /// file's end is rejected whole, through its last line; a record too long passes over the rest of the file. No line
    /// after a quote opens is ever read as a row of its own.
    package var readsLinesInsideAQuoteAsRows = true

    /// No record is longer: a line without an end, or a quote never closed, would otherwise be held whole.
    package static let maxRecordBytes = 16 << 20

    /// libcsv's state inside a field (`FIELD_BEGUN` in libcsv.c); with `quoted` set, inside a quote not yet closed.
    private static let fieldBegun: Int32 = 2

    /// The byte that ends a line: a line feed (LF or CRLF files), or a carriage return in a file that has no line feed in
    /// its first block (Excel for Mac's "CSV (Macintosh)", old Mac tools), so that each record and each rejected row is
    /// named by its own line, not all by line 1. Decided on the first block read; nil before.
    private(set) var lineEnd: UInt8? = nil

    /// Where the open record began and, once it went past its first line, where that line ended.
    private var recordStart: Int64 = 0
    private var recordFirstLineEnd: Int64? = nil
    /// Once the open record went past its first line: what a row of the file looks like, and the first of its
    /// later lines that reads as one (a quote that did not belong there swallowed it).
    private var rowLike: RowLikeLine? = nil
    private var rowInsideQuoteLine: Int? = nil
    /// After a record too long in a log that may hold what a citizen wrote: every line left is passed over, as any of
    /// them may be inside a quote (see `readsLinesInsideAQuoteAsRows`).
    private var passingOverTheRest = false
    /// A line begun at a block's end, whose rest is in the next block: its bytes so far, where it began in the file (nil when
    /// none is carried, or it grew past `carriedLineLimit`), and whether its record began on an earlier line. The row-like
    /// checks see it whole: split over two blocks, a row a stray quote took in was never looked at, and the record was counted
    /// as one with exit 0 (helper-168 #1).
    private var carried: [UInt8] = []
    private var carriedFrom: Int64? = nil
    private var carriedWasInsideRecord = false
    /// No row is longer than this: a longer line is not looked at as one.
    private static let carriedLineLimit = 1 << 16
    /// The carriage returns that ended a block, in a file whose lines end in a line feed (CR LF, or `\r\r\n`), held back
    /// from libcsv until the next piece is fed after them: fed then, they ended their record before the line could be looked
    /// at whole (helper-171 #1: `\r\r` at a block's end, only the last held back).
    private var heldCarriageReturns = 0
    private static let carriageReturns = [UInt8](repeating: 0x0D, count: 64)

    /// Feeds `piece` after the carriage returns held back from the block before; holds back its own trailing ones when it
    /// ends a block of a file whose lines end in a line feed.
    private func feed(_ piece: UnsafeRawBufferPointer, line: Int, endsBlock: Bool) throws {
        try feedHeldCarriageReturns(line: line)
        var kept = piece.count
        if endsBlock, lineEnd == 0x0A {
            while kept > 0, piece[kept - 1] == 0x0D { kept -= 1 }
        }
        heldCarriageReturns = piece.count - kept
        try feed(UnsafeRawBufferPointer(rebasing: piece[..<kept]), line: line)
    }

    private func feedHeldCarriageReturns(line: Int) throws {
        while heldCarriageReturns > 0 {
            let count = min(heldCarriageReturns, Self.carriageReturns.count)
            heldCarriageReturns -= count
            try Self.carriageReturns.withUnsafeBytes { try feed(UnsafeRawBufferPointer(rebasing: $0[..<count]), line: line) }
        }
    }

    /// Calls `body` with every record in order, the header row included. A broken record comes with its
    /// `defect` and no fields; reading goes on after it.
    package func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        var line = firstLine
        var atLineStart = true
        /// After a record longer than the limit on one line: the rest of that line is passed over.
        var skippingLine = false
        var resumed = true
        var reachedEnd = false
        while resumed {
            resumed = false
            try chunks.forEachBlock { block in
                let blockStart = chunks.offset - Int64(block.count)
                let lineEnd = self.lineEnd ?? Self.lineEnd(of: block)
                self.lineEnd = lineEnd
                var start = 0
                while start < block.count {
                    let newline = Self.index(of: lineEnd, in: block, from: start)
                    let end = newline.map { $0 + 1 } ?? block.count
                    let endOffset = blockStart + Int64(end)
                    let piece = UnsafeRawBufferPointer(rebasing: block[start..<end])
                    if !skippingLine && atLineStart && !inRecord && !Self.isBlank(piece) {
                        collector.pointee.record_line = line
                        inRecord = true
                        recordStart = blockStart + Int64(start)
                        recordFirstLineEnd = nil
                        rowLike = nil
                        rowInsideQuoteLine = nil
                    }
                    var resume: (offset: Int64, line: Int)? = nil
                    if !skippingLine, inRecord, endOffset - recordStart > Self.maxRecordBytes {
                        // This piece would take the record past the limit: it is not fed, and the record is given up.
                        if readsLinesInsideAQuoteAsRows {
                            resume = try reject(.tooLong(limit: Self.maxRecordBytes), body)
                            skippingLine = resume == nil
                        } else {
                            // The part not fed may open a quote or hold one still open: no line after it can be told from a
                            // citizen's text, so none is read.
                            let first = collector.pointee.record_line
                            restartParsing()
                            try body(brokenRecord(line: first, endOffset: recordStart, .tooLongRestPassedOver(limit: Self.maxRecordBytes)))
                            passingOverTheRest = true
                            skippingLine = true
                        }
                    }
                    if skippingLine {
                        skippingLine = passingOverTheRest || newline == nil
                    } else if resume == nil {
                        let wasInsideRecord = inRecord && line > collector.pointee.record_line
                        try feed(piece, line: line, endsBlock: newline == nil)
                        // The whole line, when this piece ends one begun in the block before and it is to be looked at (a line
                        // of a record with a row's shape, or the record's first line): once a block's end, not per piece.
                        let looked = rowLike != nil || (inRecord && line == collector.pointee.record_line)
                        let whole: [UInt8]? = looked && newline != nil && !atLineStart && carriedFrom != nil ? carried + piece : nil
                        // A line wholly inside the quote (still open at its end) that reads as a row was swallowed; so was the
                        // line that closes it, when it reads as a row whose first quote opens a field of its own. A line whose
                        // quote ends text (a question whose last line is a date and amounts, then `",` and the row's other
                        // columns) is the end of the field's text.
                        if rowInsideQuoteLine == nil, let rowLike, newline != nil {
                            let inside = insideQuote
                            let swallowed = { (line: UnsafeRawBufferPointer) in inside ? rowLike.matches(line) : rowLike.matchesAsClosingLine(line) }
                            if atLineStart ? wasInsideRecord && swallowed(piece) : carriedWasInsideRecord && whole?.withUnsafeBytes(swallowed) == true {
                                rowInsideQuoteLine = line
                            }
                        }
                        resume = try dispatch(endOffset: endOffset, line: line, body)
                        if resume == nil, inRecord, newline != nil, line == collector.pointee.record_line {
                            recordFirstLineEnd = endOffset
                            // Only a first line read whole gives the shape of a row: in this block, or carried from the one before.
                            if let widths = acceptedWidths {
                                let shiftJIS = encoding == .shiftJIS
                                if recordStart == blockStart + Int64(start) {
                                    rowLike = RowLikeLine(firstLine: piece, delimiter: delimiter, fields: widths, shiftJIS: shiftJIS)
                                } else if let whole, recordStart == carriedFrom {
                                    rowLike = whole.withUnsafeBytes { RowLikeLine(firstLine: $0, delimiter: delimiter, fields: widths, shiftJIS: shiftJIS) }
                                }
                            }
                        }
                        if newline == nil {
                            if atLineStart {
                                carried.removeAll(keepingCapacity: true)
                                carried.append(contentsOf: piece)
                                carriedFrom = blockStart + Int64(start)
                                carriedWasInsideRecord = wasInsideRecord
                            } else if carriedFrom != nil {
                                carried.append(contentsOf: piece)
                            }
                            if carried.count > Self.carriedLineLimit { carriedFrom = nil }
                        }
                    }
                    if newline != nil || resume != nil {
                        carriedFrom = nil
                        carried.removeAll(keepingCapacity: true)
                    }
                    if resume != nil { heldCarriageReturns = 0 }
                    if let resume {
                        // The rest of this block is read again, from the broken record's second line.
                        chunks.restart(at: resume.offset)
                        line = resume.line
                        atLineStart = true
                        return
                    }
                    atLineStart = newline != nil
                    if newline != nil { line += 1 }
                    start = end
                }
            }
            // A file whose last byte is a carriage return, its line feed never coming.
            try feedHeldCarriageReturns(line: line)
            // The last line, with no line end after it, is looked at as any other: a row a stray quote took in, the file's
            // last, was counted as one with the row before, exit 0 (helper-173 F1).
            if !atLineStart, carriedFrom != nil, rowInsideQuoteLine == nil, carriedWasInsideRecord, let rowLike {
                let inside = insideQuote
                if carried.withUnsafeBytes({ inside ? rowLike.matches($0) : rowLike.matchesAsClosingLine($0) }) { rowInsideQuoteLine = line }
            }
            carriedFrom = nil
            carried.removeAll(keepingCapacity: true)
            // Judged where the range first ends, before a broken last record is read again: a part cut inside a
            // quoted field must say so, not look whole after its lines were read as rows.
            if !reachedEnd { endedAtRecordBoundary = !passingOverTheRest && parser.pointee.pstate == 0 && !inRecord }
            reachedEnd = true
            nextLine = line
            // A quote still open at the end, opened on an earlier line, took every line after it into one field: when
            // that field is the last, the field count looks right and the rows it swallowed would be lost unsaid.
            if parser.pointee.pstate == Self.fieldBegun, parser.pointee.quoted != 0, recordFirstLineEnd != nil {
                let lastLine = atLineStart ? line - 1 : line
                if !readsLinesInsideAQuoteAsRows {
                    // Its lines may be a citizen's text: rejected with it, none read as a row.
                    let first = collector.pointee.record_line
                    restartParsing()
                    try body(brokenRecord(line: first, endOffset: chunks.offset, .quoteOpenAtEndRejectedWhole(lastLine: lastLine)))
                } else if let resume = try reject(.quoteOpenAtEnd(lastLine: lastLine), body) {
                    chunks.restart(at: resume.offset)
                    line = resume.line
                    atLineStart = true
                    resumed = true
                    continue
                }
            }
            if csv_fini(parser, kouka_csv_field_ended, kouka_csv_record_ended, collector) != 0 {
                throw CSVError(path: path, line: line, reason: String(cString: csv_strerror(csv_error(parser))))
            }
            try checkMemory(line: line)
            if let resume = try dispatch(endOffset: chunks.offset, line: line, body) {
                chunks.restart(at: resume.offset)
                line = resume.line
                atLineStart = true
                resumed = true
            }
        }
    }

    /// Whether libcsv is inside a quoted field not yet closed.
    private var insideQuote: Bool { parser.pointee.pstate == Self.fieldBegun && parser.pointee.quoted != 0 }

    /// Hands over the open record, broken, with its defect, forgets it, and says where reading goes on:
    /// after the record's first line when it ran past it (its other lines are read again as rows), else
    /// nowhere new (the caller passes over the rest of the line).
    private func reject(_ defect: CSVRecordDefect, _ body: (CSVRecord) throws -> Void) throws -> (offset: Int64, line: Int)? {
        let first = collector.pointee.record_line
        let resume = recordFirstLineEnd.map { (offset: $0, line: first + 1) }
        restartParsing()
        try body(brokenRecord(line: first, endOffset: resume?.offset ?? recordStart, defect))
        return resume
    }

    private func brokenRecord(line: Int, endOffset: Int64, _ defect: CSVRecordDefect) -> CSVRecord {
        var record = CSVRecord(storage: UnsafeRawBufferPointer(start: nil, count: 0), ends: UnsafeBufferPointer(start: nil, count: 0),
                               firstEnd: 0, line: line, endOffset: endOffset, encoding: encoding, valuedFields: 1)
        record.defect = defect
        return record
    }

    /// A fresh libcsv state and no records, after a broken one.
    private func restartParsing() {
        csv_free(parser)
        csv_init(parser, 0)
        csv_set_delim(parser, delimiter)
        kouka_csv_fields_reset(collector)
        recordFirstLineEnd = nil
        rowLike = nil
        rowInsideQuoteLine = nil
    }

    private func feed(_ piece: UnsafeRawBufferPointer, line: Int) throws {
        let parsed = csv_parse(parser, piece.baseAddress, piece.count, kouka_csv_field_ended, kouka_csv_record_ended, collector)
        if parsed != piece.count {
            throw CSVError(path: path, line: line, reason: String(cString: csv_strerror(csv_error(parser))))
        }
        try checkMemory(line: line)
    }

    /// Hands over the records the last `csv_parse` finished, the current line being `line`. A record that
    /// began on an earlier line with other than `expectedFields` fields is an unclosed quote: it is handed
    /// over with its defect, and the place to read again from (after its first line) is returned.
    private func dispatch(endOffset: Int64, line: Int, _ body: (CSVRecord) throws -> Void) throws -> (offset: Int64, line: Int)? {
        guard collector.pointee.completed_count > 0 else { return nil }
        let storage = UnsafeRawBufferPointer(start: collector.pointee.storage, count: collector.pointee.storage_count)
        let ends = UnsafeBufferPointer(start: collector.pointee.ends, count: collector.pointee.ends_count)
        for done in UnsafeBufferPointer(start: collector.pointee.completed, count: collector.pointee.completed_count) {
            let fieldCount = done.end - done.first
            if let expected = expectedFields, let widths = acceptedWidths, done.line < line, !widths.contains(fieldCount), recordFirstLineEnd != nil,
               !readsLinesInsideAQuoteAsRows {
                // Its lines after the first may be a citizen's text: the record is rejected whole, through the line that ended
                // it, and reading goes on after it. libcsv is between records, so nothing is restarted.
                try body(brokenRecord(line: done.line, endOffset: endOffset, .unclosedQuoteRejectedWhole(lastLine: line, fields: fieldCount, expected: expected)))
                continue
            }
            if let expected = expectedFields, let widths = acceptedWidths, done.line < line, !widths.contains(fieldCount), let firstLineEnd = recordFirstLineEnd {
                // Records are handed over as they end, so this one, the last to end, is the one still tracked.
                restartParsing()
                try body(brokenRecord(line: done.line, endOffset: firstLineEnd, .unclosedQuote(lastLine: line, fields: fieldCount, expected: expected)))
                return (firstLineEnd, done.line + 1)
            }
            if done.line < line, let swallowed = rowInsideQuoteLine, recordFirstLineEnd != nil, !readsLinesInsideAQuoteAsRows {
                // A line inside it reads as a row: a quote out of place took rows in, or a citizen pasted one. Either way none
                // of its lines is read as a row (their fields may be the citizen's words), and the record is not counted as
                // libcsv reads it (the rows taken in would be lost in silence, helper-165 #1): it is rejected whole, through
                // the line that ended it. libcsv is between records, so nothing is restarted.
                try body(brokenRecord(line: done.line, endOffset: endOffset, .rowsInsideQuoteRejectedWhole(firstRowLine: swallowed, lastLine: line)))
                continue
            }
            if done.line < line, let swallowed = rowInsideQuoteLine, let firstLineEnd = recordFirstLineEnd {
                restartParsing()
                try body(brokenRecord(line: done.line, endOffset: firstLineEnd, .rowsInsideQuote(firstRowLine: swallowed, lastLine: line)))
                return (firstLineEnd, done.line + 1)
            }
            let fields = UnsafeBufferPointer(rebasing: ends[done.first..<done.end])
            let firstEnd = done.first == 0 ? 0 : ends[done.first - 1]
            try body(CSVRecord(storage: storage, ends: fields, firstEnd: firstEnd, line: done.line, endOffset: endOffset,
                               encoding: encoding, valuedFields: done.valued_fields))
        }
        kouka_csv_fields_drop_completed(collector)
        return nil
    }

    /// libcsv skips a line of nothing but spaces, tabs and line ends without starting a record.
    private static func isBlank(_ piece: UnsafeRawBufferPointer) -> Bool {
        piece.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
    }

    private static func index(of byte: UInt8, in block: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = block.baseAddress, start < block.count,
              let hit = memchr(base + start, Int32(byte), block.count - start) else { return nil }
        return UnsafeRawPointer(hit) - base
    }

    /// A carriage return when `block` has one and no line feed, else a line feed.
    /// The first line end outside quotes decides: Excel for Mac saves a line break typed in a cell as a line feed inside
    /// quotes, in a file whose rows end in a carriage return; taken for the line end, it made the header's record end after
    /// that cell, and the rows between were never read (helper-147: 50 of 300 WinActor runs counted, one row rejected).
    /// A block without one (a first record longer than the block) has no line feed at all in a file of carriage returns.
    private static func lineEnd(of block: UnsafeRawBufferPointer) -> UInt8 {
        var quoted = false
        var index = 0
        while index < block.count {
            switch block[index] {
            case 0x22: quoted.toggle()
            case 0x0A where !quoted: return 0x0A
            case 0x0D where !quoted:
                // `\r\r\n` (Python's csv writer on Windows without newline='') ends its lines in a line feed, as 0.5.12 read it.
                var next = index + 1
                while next < block.count, block[next] == 0x0D { next += 1 }
                if next < block.count { return block[next] == 0x0A ? 0x0A : 0x0D }
                // The block ends on it, its next byte unseen: taken for CR LF, the line end of nearly every export (a file of
                // carriage returns holds more than one line in a block).
                return 0x0A
            default: break
            }
            index += 1
        }
        return Self.index(of: 0x0A, in: block, from: 0) == nil && Self.index(of: 0x0D, in: block, from: 0) != nil ? 0x0D : 0x0A
    }

    /// Whether a record is open: libcsv has begun it, or the reader saw its first line.
    private var inRecord: Bool {
        get { collector.pointee.in_record != 0 }
        set { collector.pointee.in_record = newValue ? 1 : 0 }
    }

    /// Stops the reading when a buffer of fields could not grow: what was collected since is incomplete.
    private func checkMemory(line: Int) throws(CSVError) {
        guard collector.pointee.out_of_memory != 0 else { return }
        throw CSVError(path: path, line: line, reason: "not enough memory to hold the record; free memory and run again")
    }
}
