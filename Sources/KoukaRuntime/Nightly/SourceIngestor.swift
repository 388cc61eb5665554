import Foundation
import KoukaCore
import KoukaParsers
import KoukaStore
import Logging

/// Reads one source file as its plan says and records the result: the file-level half of the nightly job.
final class SourceIngestor {
    let configuration: Configuration
    let catalog: TaskCatalog
    let logger: Logger
    let today: LocalDate
    let now: Date
    private var unmapped: [String: NightlySummary.UnmappedName] = [:]

    init(configuration: Configuration, catalog: TaskCatalog, logger: Logger, today: LocalDate, now: Date) {
        self.configuration = configuration
        self.catalog = catalog
        self.logger = logger
        self.today = today
        self.now = now
    }

    /// Names seen this run that the catalog does not map, most frequent first.
    func unmappedNames() -> [NightlySummary.UnmappedName] {
        unmapped.values.sorted { ($1.runs, $0.system, $0.name) < ($0.runs, $1.system, $1.name) }
    }

    func ingest(
        path: String, display: String, spec: SourceSpec, store: KoukaStore?, forced: Bool, dryRun: Bool,
        vanished: inout [Int64: SourceFileRecord], summary: inout NightlySummary
    ) throws {
        guard let status = FileStatus(path: path) else {
            summary.filesUnreadable.append(.init(path: display, reason: "not a readable regular file"))
            logger.error("source is not a readable regular file; it is skipped and tried again next run", metadata: ["file": "\(display)"])
            return
        }
        let resumable = spec.parser as? any ResumableLogParser
        var known = try store?.source(path: display)
        if known == nil, let old = vanished[status.inode], Self.isSameFile(path: path, status: status, as: old, format: spec.format) {
            // Rotation renamed the file: its ledger line moves with it, so nothing is counted twice.
            vanished[status.inode] = nil
            if !dryRun { try store?.renameSource(from: old.path, to: display) }
            summary.filesRenamed.append(.init(from: old.path, to: display))
            logger.notice("source file was renamed; its figures move with it", metadata: ["from": "\(old.path)", "to": "\(display)"])
            known = old
            known?.path = display
        }
        var plan = IngestPlan.decide(path: path, status: status, known: known, format: spec.format,
                                     resumable: resumable != nil, forced: forced)
        // A copy stays a copy only while the file it copies is still counted with the same bytes.
        if plan == .unchanged, let known, known.status == .duplicate,
           try store?.source(withSHA256: known.sha256, otherThan: display) == nil {
            plan = .full
        }
        if dryRun {
            summary.planned.append(.init(path: display, format: spec.format, plan: plan.label))
            return
        }
        guard let store else { return }
        if plan == .unchanged {
            summary.filesUnchanged += 1
            return
        }
        var collector = EventCollector(clock: configuration.clock, officeHours: configuration.officeHours, now: now)
        var context = ParseContext(clock: configuration.clock, displayPath: display, encoding: spec.encoding, today: today, now: now,
                                   pendingMaxAge: configuration.pendingMaxAge)
        var record = SourceFileRecord(path: display, format: spec.format, size: status.size, sha256: "",
                                      modifiedAt: status.modifiedAt, inode: status.inode)
        do {
            // A full read hashes the file first: a copy of a file already counted is not parsed at all.
            var wholeFile: SHA256? = nil
            if case .full = plan {
                var hasher = SHA256()
                guard hasher.update(fileAt: path, from: 0, to: status.size) else {
                    throw InputError.cannotRead(path: display, reason: "changed while being read")
                }
                record.sha256 = hasher.finalizeHex()
                wholeFile = hasher
                // The same export saved under a second name counts once: under the name read first.
                if let original = try store.source(withSHA256: record.sha256, otherThan: display) {
                    var duplicate = record
                    duplicate.status = .duplicate
                    duplicate.rejectReason = "the same bytes as \(original.path), which is counted"
                    duplicate.byteOffset = status.size
                    try store.replaceContribution(of: duplicate, rollups: [:], rejections: [])
                    summary.filesDuplicate.append(.init(path: display, reason: duplicate.rejectReason!))
                    logger.warning("source file is a copy of another; counted once", metadata: ["file": "\(display)", "original": "\(original.path)"])
                    return
                }
            }
            var parsed: ParseSummary
            if let resumable {
                let known: SourceFileRecord? = if case let .append(known) = plan { known } else { nil }
                let resumeFrom = known.map { ResumePoint(offset: $0.byteOffset, line: $0.resumeLine, state: $0.resumeState ?? "") }
                let (result, resume) = try resumable.parse(path: path, context: context, resumingFrom: resumeFrom, into: collector)
                parsed = result
                // The hashing state where reading stopped; a closed log is read to its end, so the whole-file
                // hash already is that state.
                var hasher: SHA256
                if let wholeFile, resume.offset == status.size {
                    hasher = wholeFile
                } else {
                    hasher = known.flatMap { $0.hashState.flatMap(SHA256.init(savedState:)) } ?? SHA256()
                    guard hasher.update(fileAt: path, from: known?.byteOffset ?? 0, to: resume.offset) else {
                        throw InputError.cannotRead(path: display, reason: "changed while being read")
                    }
                }
                record.hashState = hasher.savedState
                if wholeFile == nil {
                    var whole = hasher
                    _ = whole.update(fileAt: path, from: resume.offset, to: max(status.size, resume.offset))
                    record.sha256 = whole.finalizeHex()
                }
                record.byteOffset = resume.offset
                record.resumeLine = resume.line
                record.resumeState = resume.state
                record.prefixFingerprint = PrefixFingerprint.of(path: path, length: resume.offset) ?? ""
                if let known {
                    record.rowsRead = known.rowsRead + parsed.recordsRead
                    record.rowsRejected = known.rowsRejected + collector.rejections.count
                }
            } else {
                parsed = try spec.parser.parse(path: path, context: context, into: collector)
                // Runs another file already counts (overlapping exports) are read again and left out here.
                if let keys = collector.runKeys,
                   case let elsewhere = try store.runsCounted(in: Self.stream(keys), format: spec.format, otherThan: display), !elsewhere.isEmpty {
                    context.runsCountedElsewhere = elsewhere
                    collector = EventCollector(clock: configuration.clock, officeHours: configuration.officeHours, now: now)
                    parsed = try spec.parser.parse(path: path, context: context, into: collector)
                }
                record.byteOffset = status.size
            }
            let repeated = collector.rejections.count { $0.reason.hasSuffix(RunAdmissionText.countedOnce) }
            if case .full = plan {
                record.rowsRead = parsed.recordsRead
                record.rowsRejected = collector.rejections.count
            }
            if case let .append(known) = plan { record.rowsRepeated = known.rowsRepeated + repeated } else { record.rowsRepeated = repeated }
            record.rowsAccepted = record.rowsRead - record.rowsRejected
            record.pendingRuns = parsed.pendingRuns
            if case .append = plan {
                try store.appendContribution(of: record, rollups: collector.aggregator.totals, rejections: collector.rejections)
                summary.filesAppended += 1
            } else {
                try store.replaceContribution(of: record, rollups: collector.aggregator.totals, rejections: collector.rejections,
                                              runKeys: collector.runKeys.map(Self.stream))
                summary.filesRead += 1
            }
            summary.rowsRead += parsed.recordsRead
            summary.rowsAccepted += parsed.recordsRead - collector.rejections.count
            summary.rowsRejected += collector.rejections.count
            summary.pendingRuns += parsed.pendingRuns
        } catch let error as InputError {
            summary.filesUnreadable.append(.init(path: display, reason: error.description))
            logger.error("cannot read source file; it is skipped and tried again next run", metadata: ["file": "\(display)", "reason": "\(error)"])
            return
        } catch let error as FormatMismatch {
            try rejectWhole(record, reason: error.reason, store: store, summary: &summary, message: error.description)
            return
        } catch let error as CSVError {
            try rejectWhole(record, reason: error.reason, store: store, summary: &summary, message: error.description)
            return
        }
        for rejection in collector.rejections {
            if summary.rejections.count < 50 { summary.rejections.append(rejection) }
            summary.rejectionReasons[Self.reasonKind(rejection.reason), default: 0] += 1
            logger.warning("row rejected", metadata: ["file": "\(rejection.file)", "line": "\(rejection.line)", "reason": "\(rejection.reason)"])
        }
        for (key, totals) in collector.aggregator.totals where catalog.entry(for: key.taskName, system: key.family, on: key.date) == nil {
            let id = "\(key.family.rawValue)\u{0}\(key.taskName)"
            unmapped[id, default: .init(system: key.family.rawValue, name: key.taskName, runs: 0)].runs += totals.events
        }
        logger.info("source file read", metadata: [
            "file": "\(display)", "format": "\(spec.format)", "plan": "\(plan.label)", "rows": "\(collector.aggregator.eventCount)",
            "rejected": "\(collector.rejections.count)", "pending": "\(record.pendingRuns)",
        ])
    }

    /// The distinct run ids of a file, in the order the store keeps them.
    static func stream(_ keys: RunKeySet) -> RunKeyStream {
        RunKeyStream { body in try keys.forEachDistinct { hash, _ in try body(hash) } }
    }

    /// Whether the file at `path` is the one a ledger line describes under an old name: the same inode and
    /// format, and the part read before unchanged.
    static func isSameFile(path: String, status: FileStatus, as old: SourceFileRecord, format: String) -> Bool {
        guard old.inode == status.inode, old.format == format, old.status != .rejected, old.status != .duplicate, status.size >= old.byteOffset else { return false }
        if !old.prefixFingerprint.isEmpty { return PrefixFingerprint.of(path: path, length: old.byteOffset) == old.prefixFingerprint }
        return status.size == old.size && SHA256.hexDigest(ofFile: path) == old.sha256
    }

    /// Records a file that is not its configured format: in the ledger, with no rollups.
    private func rejectWhole(_ record: SourceFileRecord, reason: String, store: KoukaStore, summary: inout NightlySummary, message: String) throws {
        var rejected = record
        rejected.status = .rejected
        rejected.rejectReason = reason
        try store.replaceContribution(of: rejected, rollups: [:], rejections: [Rejection(file: record.path, line: 0, reason: reason)])
        summary.filesRejected.append(.init(path: record.path, reason: reason))
        logger.error("source file rejected whole; nothing of it counted", metadata: ["file": "\(record.path)", "reason": "\(message)"])
    }

    /// A reason without the column's value, so the same problem on many rows is counted once.
    static func reasonKind(_ reason: String) -> String {
        reason.split(separator: ":").first.map(String.init) ?? reason
    }
}
