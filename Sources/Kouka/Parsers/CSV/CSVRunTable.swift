import Dispatch
import Foundation

/// Reads a CSV export whose rows are runs with an id (WinActor タスクID, flowsession id): a large file in two
/// halves at once, one on each core, and every run id counted once.
///
/// The first reading counts every row and logs the hashes of the ids. Only when a hash turns up twice is
/// the file read again, in one piece, comparing those ids in full; the first reading's results are then
/// dropped, so the sink sees one consistent reading.
///
/// The first reading also hands the file's bytes to the context's digest: the first part's thread hashes
/// the blocks it reads, then reads and hashes the rest while the second part is still parsing. That thread
/// is given the smaller part, so that both finish together.
enum CSVRunTable {
    typealias RowBody = (CSVRow, any ParseSink, inout ParseSummary, inout RunAdmission) throws(RowProblem) -> Void

    /// Files smaller than this are read in one piece: a thread costs more than it saves.
    static let defaultSplitBytes: Int64 = 8 << 20
    /// The first part's share of the file when its thread also hashes all of it: hashing a byte takes about
    /// an eighth of the time parsing it does (0.12 s against 0.9 s for 163 MB on one core), so both parts
    /// finish together when the first has (1 − 1/8) / 2 of the bytes.
    static let hashingShare = 0.43

    static func read(
        path: String, context: ParseContext, format: String, required: [String], wanted: [String], sink: any ParseSink,
        splitBytes: Int64 = defaultSplitBytes, chunkLimit: Int = RunKeyLog.chunkLimit, rowDay: @escaping CSVRowDay,
        makeBody: (CSVHeader, ParseContext) -> RowBody
    ) throws -> ParseSummary {
        // UTF-16 (Excel's "Unicode テキスト") is read from a UTF-8 copy, in one piece and not hashed here: the
        // caller hashes the file itself, so the ledger keeps the original's size and SHA-256.
        let input = try CSVInput(path: path, context: context, delimiter: nil)
        defer { input.remove() }
        let path = input.path
        let start = try CSVDataStart.find(input: input, context: context, format: format, required: required, read: wanted)
        let root: any PartitionableSink = (sink as? any PartitionableSink) ?? BufferedSink(target: sink)
        var suspects = Set<UInt64>()
        var preferEnded: [[UInt8]: RunAdmission.EndingRecord] = [:]
        var allowSplit = !input.isCopy && start.size - start.offset >= splitBytes
        // Fed on the first reading only, in order from the file's first byte; a step that fails stops the
        // feeding, and the caller reads what the digest lacks.
        var digest = input.isCopy ? nil : context.digest
        if let fed = digest, !fed.update(fileAt: path, range: 0..<start.offset) { digest = nil }
        while true {
            var ranges = [start.offset..<start.size]
            if allowSplit, let cut = CSVSplit.boundary(path: path, start: start.offset, end: start.size, share: digest == nil ? 0.5 : Self.hashingShare,
                                                       fields: start.header.names.count, encoding: start.encoding, delimiter: input.delimiter) {
                ranges = [start.offset..<cut, cut..<start.size]
            }
            // The second half's lines are numbered from 1 until the first half has counted its own.
            let parts = ranges.indices.map { index in
                let header = index == 0 ? start.header : ThreadCopies.header(start.header)
                let partContext = index == 0 ? context : ThreadCopies.context(context)
                return Part(range: ranges[index], firstLine: index == 0 ? start.line : 1, header: header, display: partContext.displayPath,
                            sink: root.makePartition(), body: makeBody(header, partContext), rowDay: rowDay,
                            admission: RunAdmission(suspects: suspects, countedElsewhere: context.runsCountedElsewhere, preferEnded: preferEnded,
                                                    chunkLimit: chunkLimit))
            }
            let wantedColumns = wanted.compactMap { start.header.column($0) }
            // The second half gets a thread of its own and the first is read here. Not concurrentPerform, which
            // runs serially inside another one (the nightly job reads files that way), and not a dispatch
            // queue, whose threads may all be busy with those files while this one waits.
            let done = DispatchSemaphore(value: 0)
            for part in parts.dropFirst() {
                Thread.detachNewThread {
                    part.read(path: path, encoding: start.encoding, delimiter: input.delimiter, wanted: wantedColumns)
                    done.signal()
                }
            }
            parts[0].read(path: path, encoding: start.encoding, delimiter: input.delimiter, wanted: wantedColumns, digest: digest)
            if let fed = digest, parts[0].failure == nil, parts.count > 1 { _ = fed.update(fileAt: path, range: ranges[1]) }
            digest = nil
            for _ in parts.dropFirst() { done.wait() }
            if let failure = parts[0].failure { throw failure }
            // A first half that did not end between records was cut inside a quoted field: read it whole
            // (what the second half met, errors included, came from starting in the wrong place).
            if parts.count > 1, !parts[0].endedAtRecordBoundary {
                allowSplit = false
                continue
            }
            if let failure = parts.lazy.compactMap(\.failure).first { throw failure }
            let keys = RunKeySet(logs: parts.map(\.admission.log))
            if suspects.isEmpty {
                let repeated = keys.repeatedHashes()
                if !repeated.isEmpty {
                    suspects = repeated
                    allowSplit = false
                    continue
                }
            } else if preferEnded.isEmpty, let first = parts.first, !first.admission.endedLater.isEmpty {
                // Read in one piece since it had suspects: a run counted unfinished at its first row, whose end a later
                // row gives, is counted there instead.
                preferEnded = first.admission.endedLater
                continue
            }
            var summary = ParseSummary()
            var linesBefore = 0
            for part in parts {
                root.absorb(part.sink, shiftingLinesBy: linesBefore)
                linesBefore = part.nextLine - 1
                summary.recordsRead += part.summary.recordsRead
                summary.pendingRuns += part.summary.pendingRuns
            }
            root.counted(runs: keys)
            return summary
        }
    }

    /// One range of the file, read on its own thread into its own sink partition.
    private final class Part: @unchecked Sendable {
        let range: Range<Int64>
        let firstLine: Int
        let header: CSVHeader
        /// The file's path as rejections name it.
        let display: String
        let sink: any PartitionableSink
        let body: RowBody
        /// The day of a rejected row, as `CSVTable.read` dates one.
        let rowDay: CSVRowDay
        // Each part is touched by one thread at a time; per-row exclusivity checks would only cost.
        @exclusivity(unchecked) var admission: RunAdmission
        @exclusivity(unchecked) var summary = ParseSummary()
        var failure: (any Error)?
        var endedAtRecordBoundary = true
        /// The number of the line after this part's last, counted from its own first line.
        var nextLine = 1

        init(range: Range<Int64>, firstLine: Int, header: CSVHeader, display: String, sink: any PartitionableSink, body: @escaping RowBody,
             rowDay: @escaping CSVRowDay, admission: RunAdmission) {
            self.range = range
            self.firstLine = firstLine
            self.header = header
            self.display = display
            self.sink = sink
            self.body = body
            self.rowDay = rowDay
            self.admission = admission
        }

        func read(path: String, encoding: TextEncoding, delimiter: UInt8, wanted: [Int], digest: (any ByteDigest)? = nil) {
            do {
                let reader = try CSVReader(path: path, encoding: encoding, startOffset: range.lowerBound, endOffset: range.upperBound,
                                           firstLine: firstLine)
                reader.delimiter = delimiter
                reader.wantedColumns = wanted
                reader.expectedFields = header.names.count
                reader.fewestFields = header.namedCount
                reader.digest = digest
                try reader.forEachRecord { record in
                    guard !record.isBlank else { return }
                    summary.recordsRead += 1
                    if let defect = record.defect {
                        var rejection = Rejection(file: display, line: record.line, reason: defect.reason)
                        rejection.reasonNamesLines = true
                        sink.reject(rejection)
                        return
                    }
                    let row = CSVRow(record: record, header: header, redactsValues: false)
                    do throws(RowProblem) {
                        try row.checkWidth()
                        try body(row, sink, &summary, &admission)
                    } catch {
                        sink.reject(error.rejection(file: display, line: record.line) { rowDay(row) })
                    }
                }
                endedAtRecordBoundary = reader.endedAtRecordBoundary
                nextLine = reader.nextLine
                // Sorted here, on this part's own thread, rather than after both parts are done.
                admission.log.finish()
            } catch {
                failure = error
            }
        }
    }
}
