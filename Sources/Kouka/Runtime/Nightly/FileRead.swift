import Dispatch
import Foundation

/// One source file's reading: decided on the job's thread, done on any thread (several at once), and
/// recorded on the job's thread again, in the files' order.
final class FileRead: @unchecked Sendable {
    let path: String
    let display: String
    let spec: SourceSpec
    let plan: IngestPlan
    /// The ledger line as it will be written; the reading fills in what it learns.
    var record: SourceFileRecord
    /// The whole file's hash: computed before a full reading, or for a robot's log, from the bytes its reading
    /// handed to `inlineDigest`.
    var wholeFile: SHA256?
    var context: ParseContext
    var collector: EventCollector
    /// The collector's rollups in the store's key order, sorted on the reading's thread: the job's thread,
    /// which records every file in turn, is what a city's thousands of daily logs wait on.
    private(set) var orderedRollups: [(key: RollupKey, totals: RollupTotals)] = []
    var parsed = ParseSummary()
    /// Why nothing of the file could be read or counted, when that is so.
    var failure: (any Error)?
    /// The counted file this one is a byte-for-byte copy of: it is recorded, not read.
    var duplicateOf: String?
    /// A large file's hash, computed while it is parsed, on a thread of its own or by the parser as it reads
    /// (`inlineDigest`); whether it is a copy is decided when it is recorded.
    var backgroundHash: BackgroundHash?
    var inlineDigest: FileDigest?
    /// The order it was prepared in this run: a reading of the same file recorded since one prepared earlier makes that
    /// one out of date (`SourceIngestor.isSuperseded`).
    var sequence = 0
    /// Left once the reading `ReadAhead.begin(_:)` began ahead of its batch is done; nil for a reading its batch does.
    var begun: DispatchGroup?

    init(path: String, display: String, spec: SourceSpec, plan: IngestPlan, record: SourceFileRecord, wholeFile: SHA256?,
         context: ParseContext, collector: EventCollector) {
        self.path = path
        self.display = display
        self.spec = spec
        self.plan = plan
        self.record = record
        self.wholeFile = wholeFile
        self.context = context
        self.collector = collector
    }

    /// Parses the file into a fresh collector, and for appendable logs records where the next reading
    /// starts. Touches no store and no shared state, so reads of different files may run at once.
    func read() {
        guard duplicateOf == nil else { return }
        do {
            if let resumable = spec.parser as? any ResumableLogParser {
                try readResumable(resumable)
            } else {
                parsed = try spec.parser.parse(path: path, context: context, into: collector)
                record.byteOffset = record.size
            }
        } catch {
            failure = error
        }
        orderedRollups = failure == nil ? collector.aggregator.rollupsInByteOrder() : []
    }

    /// Reads the file again leaving out the runs another file already counts.
    func readAgain(leavingOut elsewhere: [UInt64: String], fresh: EventCollector) {
        // Added to what it left out before it was read (a deleted transcript counting its recording under an older name).
        context.runsCountedElsewhere.merge(elsewhere) { _, again in again }
        // The file's hash was taken from the first reading.
        context.digest = nil
        collector = fresh
        read()
    }

    private func readResumable(_ resumable: any ResumableLogParser) throws {
        let known: SourceFileRecord? = if case let .append(known) = plan { known } else { nil }
        let resumeFrom = known.map { ResumePoint(offset: $0.byteOffset, line: $0.resumeLine, state: $0.resumeState ?? "") }
        let (result, resume) = try resumable.parse(path: path, context: context, resumingFrom: resumeFrom, into: collector)
        parsed = result
        // The hashing state where reading stopped; a closed log is read to its end, so the whole-file hash
        // already is that state. A full reading's digest holds the bytes the parser read; it is that state
        // unless the parser read on past it (a half-written last line, left for the next run).
        var hasher: SHA256
        if let wholeFile, resume.offset == record.size {
            hasher = wholeFile
        } else if known == nil, let taken = inlineDigest?.complete(path: path, size: resume.offset) {
            hasher = taken
        } else {
            if let known {
                // `IngestPlan` reads a file on only when its saved state restores; a state that does not is never
                // taken for the hash of the file's first bytes.
                guard let saved = known.hashState.flatMap(SHA256.init(savedState:)) else {
                    throw InputError.cannotRead(path: display, reason: "the ledger's saved hashing state for it does not restore; run kouka-nightly --since <its day> to read it whole")
                }
                hasher = saved
            } else {
                hasher = SHA256()
            }
            guard hasher.update(fileAt: path, from: known?.byteOffset ?? 0, to: resume.offset) else {
                throw InputError.cannotRead(path: display, reason: "changed while being read")
            }
        }
        record.hashState = hasher.savedState
        if wholeFile == nil, inlineDigest != nil {
            // The ledger's hash of a file read whole is of the bytes it had when it was decided, as when it was
            // hashed before the reading; the copy check uses it once the file is recorded (`commit`).
            // A log that grew while it was read is hashed again up to that size.
            let grew = resume.offset > record.size
            var whole = grew ? SHA256() : hasher
            guard whole.update(fileAt: path, from: grew ? 0 : resume.offset, to: record.size) else {
                throw InputError.cannotRead(path: display, reason: "changed while being read")
            }
            wholeFile = whole
        } else if wholeFile == nil {
            var whole = hasher
            guard whole.update(fileAt: path, from: resume.offset, to: max(record.size, resume.offset)) else {
                throw InputError.cannotRead(path: display, reason: "changed while being read")
            }
            // Read on past the size it had when it was decided (the robot wrote on meanwhile), the hash is of the bytes read, to
            // its byte offset; the size stays the one decided with its modification time (`onlyGrew` hashes to either).
            record.sha256 = whole.finalizeHex()
        }
        record.byteOffset = resume.offset
        record.resumeLine = resume.line
        record.resumeState = resume.state
        record.prefixFingerprint = PrefixFingerprint.of(hashedPrefix: hasher, length: resume.offset)
            ?? PrefixFingerprint.of(path: path, length: resume.offset) ?? ""
    }
}
