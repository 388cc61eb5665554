import Foundation
import KoukaCore
import KoukaParsers
import KoukaStore
import Logging

/// `kouka-nightly`: reads every source file the configuration names that is new or changed since the
/// last run, and replaces each one's contribution to the store in one transaction. A file whose bytes
/// are unchanged is skipped, so a re-run changes nothing.
public struct NightlyJob {
    public var configuration: Configuration
    public var logger: Logger
    /// The local date the job takes as today; a log dated today may still grow.
    public var today: LocalDate

    public init(configuration: Configuration, logger: Logger, today: LocalDate? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.today = today ?? configuration.clock.localDate(of: Date())
    }

    public func run() throws -> NightlySummary {
        let started = Date()
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let catalog = try TaskCatalogLoader.load(path: configuration.catalogPath)
        let lock = try JobLock(path: configuration.databasePath + ".lock", job: "kouka-nightly")
        defer { withExtendedLifetime(lock) {} }
        let store = try KoukaStore(path: configuration.databasePath)
        var summary = NightlySummary(configuration: configuration.path, database: configuration.databasePath)
        var unmapped: [String: NightlySummary.UnmappedName] = [:]

        for spec in configuration.sources {
            let files = FileGlob.expand(spec.pattern)
            if files.isEmpty {
                summary.unmatchedPatterns.append(spec.pattern)
                logger.warning("source pattern matches no file", metadata: ["pattern": "\(spec.pattern)", "format": "\(spec.format)"])
            }
            for file in files {
                summary.filesSeen += 1
                let display = DisplayPath.of(file, base: base)
                try ingest(file: file, display: display, spec: spec, store: store, catalog: catalog, summary: &summary, unmapped: &unmapped)
            }
        }
        summary.unmapped = unmapped.values.sorted { ($1.runs, $0.system, $0.name) < ($0.runs, $1.system, $1.name) }
        summary.exitCode = summary.hasFindings ? .doneWithFindings : .done
        let stamp = ISO8601DateFormatter()
        try store.recordJobRun(JobRunRecord(
            job: "kouka-nightly", startedAt: stamp.string(from: started), endedAt: stamp.string(from: Date()),
            filesRead: summary.filesRead, rowsRead: summary.rowsRead, rowsRejected: summary.rowsRejected,
            exitCode: summary.exitCode.rawValue))
        return summary
    }

    private func ingest(
        file: String, display: String, spec: SourceSpec, store: KoukaStore, catalog: TaskCatalog,
        summary: inout NightlySummary, unmapped: inout [String: NightlySummary.UnmappedName]
    ) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let digest = SHA256.hexDigest(ofFile: file) else {
            summary.filesUnreadable.append(.init(path: display, reason: "not a readable regular file"))
            logger.error("cannot read source file; it is skipped and tried again next run", metadata: ["file": "\(display)"])
            return
        }
        if let known = try store.source(path: display), known.sha256 == digest, known.size == size, known.format == spec.format {
            summary.filesUnchanged += 1
            return
        }
        let collector = EventCollector(clock: configuration.clock, officeHours: configuration.officeHours)
        let context = ParseContext(clock: configuration.clock, displayPath: display, encoding: spec.encoding, today: today)
        var record = SourceFileRecord(path: display, format: spec.format, size: size, sha256: digest, byteOffset: size)
        do {
            let parsed = try spec.parser.parse(path: file, context: context, into: collector)
            record.rowsRead = parsed.recordsRead
            record.rowsRejected = collector.rejections.count
            record.rowsAccepted = parsed.recordsRead - collector.rejections.count
            record.pendingRuns = parsed.pendingRuns
            try store.replaceContribution(of: record, rollups: collector.aggregator.totals, rejections: collector.rejections)
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
        summary.filesRead += 1
        summary.rowsRead += record.rowsRead
        summary.rowsAccepted += record.rowsAccepted
        summary.rowsRejected += record.rowsRejected
        summary.pendingRuns += record.pendingRuns
        for rejection in collector.rejections {
            if summary.rejections.count < 50 { summary.rejections.append(rejection) }
            logger.warning("row rejected", metadata: ["file": "\(rejection.file)", "line": "\(rejection.line)", "reason": "\(rejection.reason)"])
        }
        for (key, totals) in collector.aggregator.totals
        where catalog.entry(for: key.taskName, system: key.family, on: key.date) == nil {
            let id = "\(key.family.rawValue)\u{0}\(key.taskName)"
            unmapped[id, default: .init(system: key.family.rawValue, name: key.taskName, runs: 0)].runs += totals.events
        }
        logger.info("source file read", metadata: [
            "file": "\(display)", "format": "\(spec.format)", "rows": "\(record.rowsRead)",
            "rejected": "\(record.rowsRejected)", "pending": "\(record.pendingRuns)",
        ])
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
}
