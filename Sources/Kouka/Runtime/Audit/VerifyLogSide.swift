import Dispatch

/// The logs' side of verification's report comparison: each fiscal year's report built from the store the logs were read
/// again into (`VerifyReplay`), its departments compared with the year before, as the store's side builds its own.
///
/// When the replayed store is expected to stay as the reading again left it, the work starts right after that reading, on
/// its own connection and snapshot of the replayed store, while the store's side finishes and the ledger is checked: it
/// reads every rollup and adds up the years it expects on both cores, then waits to be told the years to compare. Before,
/// at 18,260 daily logs, it began only once the store's side was done and every file's standing was settled, 1.0 s after
/// the reading again.
///
/// The replayed store changes after the reading again when a file is taken as the store has it (gone from disk, grown,
/// changed, unreadable, a copy that cannot be read again, a log whose runs ended in a gone one). When that is foreseen, the
/// work is not begun early; when it happens anyway, what was added up from the snapshot is thrown away, and the reports are
/// built from the store as it is then.
final class VerifyLogSide {
    /// What the starting thread tells the early work once the replayed store is final.
    private enum Decision {
        /// The replayed store is as the snapshot read it: the reports of these years are built from it.
        case build([FiscalYear])
        /// The replayed store changed after the snapshot (or the verification stopped): nothing more is built from it.
        case discard
    }

    /// The decision, handed from the starting thread to the work.
    private final class Handoff: @unchecked Sendable {
        // Written by the starting thread before it signals `decided`; read by the work only after waiting for it.
        var decision: Decision = .discard
        var isDecided = false
        let decided = DispatchSemaphore(value: 0)
    }

    private let handoff = Handoff()
    /// The work begun early, if it was.
    private let early: BackgroundWork<[YearReport]>?
    private let configuration: Configuration
    /// The store's last complete day, as the store's side states it: the replayed store's own runs are not the nightly runs
    /// that told it (a night that found a source empty, `SourcesUnread`), and a report's year-before figures stop at it.
    private let asOf: LocalDate

    /// The early work was told the replayed store changed: its reports are not wanted.
    private struct Discarded: Error {}

    /// With `early`, starts reading the replayed store of `configuration` and adding up the years `expected` gives from its
    /// rollups (the years the store's side compares when the logs agree with the store); else waits for `settle`.
    init(replayed configuration: Configuration, asOf: LocalDate, early: Bool, expected: @escaping ([DailyRollup]) -> [FiscalYear]) {
        self.configuration = configuration
        self.asOf = asOf
        guard early else {
            self.early = nil
            return
        }
        let handoff = handoff
        // The snapshot is taken before the starting thread goes on, so that a file it takes as stored is always a change
        // the snapshot does not hold: whether the work saw it cannot depend on which thread came first.
        let taken = DispatchSemaphore(value: 0)
        // On a thread of its own: it waits for the decision, and the adding up starts work on the shared pool.
        self.early = BackgroundWork(ownThread: true) {
            // Also when the store cannot be read: the error is the work's value.
            defer { taken.signal() }
            return try ReportContext.reading(configuration: configuration, asOf: asOf, snapshotTaken: { taken.signal() }) { fromLogs in
                try fromLogs.addingUpOnBothCores(years: expected(try fromLogs.keepingEveryRollup()), generatedAt: "")
                handoff.decided.wait()
                guard case let .build(years) = handoff.decision else { throw Discarded() }
                // What was added up already is taken, not added up again.
                return try Self.reports(of: years, from: fromLogs)
            }
        }
        taken.wait()
    }

    /// The reports of `years`, in order, once the replayed store is final; the caller waits for the work before the replayed
    /// store is removed. `replayChanged`: files were taken as stored since the reading again, so a snapshot taken before is
    /// not the replayed store any more. Unless the early work goes on, the reports are built from the store as it is now
    /// on another worker (once the early work has stopped), while the starting thread goes on.
    func settle(years: [FiscalYear], replayChanged: Bool) -> BackgroundWork<[YearReport]> {
        if let early {
            decide(replayChanged ? .discard : .build(years))
            if !replayChanged { return early }
            early.waitUntilDone()
        }
        return BackgroundWork { [configuration, asOf] in
            try ReportContext.reading(configuration: configuration, asOf: asOf) { try Self.reports(of: years, from: $0) }
        }
    }

    /// Each year's report from `fromLogs`, its departments compared with the year before: every rollup read once, the
    /// years added up on both cores.
    private static func reports(of years: [FiscalYear], from fromLogs: ReportContext) throws -> [YearReport] {
        _ = try fromLogs.keepingEveryRollup()
        try fromLogs.addingUpOnBothCores(years: years, generatedAt: "")
        return try years.map { try fromLogs.yearReportComparedWithTheYearBefore($0) }
    }

    /// Tells the early work to stop once it has added up, unless it was settled (a verification that stopped on an error),
    /// and waits for it: it reads a store in a temporary folder that is then removed.
    func abandon() {
        decide(.discard)
        early?.waitUntilDone()
    }

    private func decide(_ decision: Decision) {
        guard !handoff.isDecided else { return }
        handoff.isDecided = true
        handoff.decision = decision
        handoff.decided.signal()
    }
}

extension VerifyLogSide {
    /// Whether files will be taken as the store has them once the logs were read again (`VerifyAudit`): a counted file gone
    /// from the sources or whose bytes the reading again did not take as the store's (grown, changed, unreadable), a copy
    /// gone or of a deleted file. Only a forecast, for time: whether the replayed store did change is what decides.
    static func foreseesFilesTakenAsStored(ledger: [SourceFileRecord], files: [String: String], copiesOfDeleted: Set<String>,
                                           replayed: [SourceFileRecord]) -> Bool {
        let read = VerifyReplay.digestsOfFilesReadWhole(replayed)
        return ledger.contains { line in
            switch line.status {
            case .duplicate: files[line.path] == nil || copiesOfDeleted.contains(line.path)
            case .present, .gone: files[line.path] == nil || read[line.path] != line.sha256
            case .rejected, .unreadable: false
            }
        }
    }
}
