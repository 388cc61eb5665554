import Dispatch

/// The logs' side of verification's report comparison: each fiscal year's report built from the store the logs were read
/// again into (`VerifyReplay`), its departments compared with the year before, as the store's side builds its own.
///
/// It starts as soon as the reading again is done, on its own connection and snapshot of the replayed store, while the
/// store's side finishes and the ledger is checked: it reads every rollup and adds up the years it expects on both cores,
/// then waits to be told the years to compare. Before that, at 18,260 daily logs, it began only once the store's side was
/// done and every file's standing was settled, 1.0 s after the reading again, and the other core was idle for much of it.
///
/// The replayed store changes after the reading again only when a file is taken as the store has it (gone, grown, changed):
/// then what was added up from the snapshot before is thrown away, and the reports are built from the store as it is then.
final class VerifyLogSide {
    /// What the starting thread tells the work once the replayed store is final.
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
    private let work: BackgroundWork<[YearReport]?>
    /// The reports built afresh from the replayed store once it changed (`settle`).
    private var rebuilt: BackgroundWork<[YearReport]>?
    private let configuration: Configuration

    /// Starts reading the replayed store of `configuration` and adding up the years `expected` gives from its rollups (the
    /// years the store's side will compare when the logs agree with the store).
    init(replayed configuration: Configuration, expected: @escaping ([DailyRollup]) throws -> [FiscalYear]) {
        self.configuration = configuration
        let handoff = handoff
        // The snapshot is taken before the starting thread goes on, so that a file it takes as stored is always a change
        // the snapshot does not hold: whether the work saw it cannot depend on which thread came first.
        let taken = DispatchSemaphore(value: 0)
        // On a thread of its own: it waits for the decision, and the adding up starts work on the shared pool.
        work = BackgroundWork(ownThread: true) {
            // Also when the store cannot be read: the error is the work's value.
            defer { taken.signal() }
            return try ReportContext.reading(configuration: configuration, snapshotTaken: { taken.signal() }) { fromLogs in
                try fromLogs.addingUpOnBothCores(years: try expected(try fromLogs.keepingEveryRollup()), generatedAt: "")
                handoff.decided.wait()
                guard case let .build(years) = handoff.decision else { return nil }
                return try years.map { try fromLogs.yearReportComparedWithTheYearBefore($0) }
            }
        }
        taken.wait()
    }

    /// Tells the work the years to compare once the replayed store is final. `replayChanged`: files were taken as stored
    /// since the reading again, so the snapshot the work read is not the replayed store any more: the reports are built
    /// afresh from the store as it is now, on another worker, while the starting thread goes on.
    func settle(years: [FiscalYear], replayChanged: Bool) {
        decide(replayChanged ? .discard : .build(years))
        guard replayChanged else { return }
        work.waitUntilDone()
        rebuilt = BackgroundWork { [configuration] in
            try ReportContext.reading(configuration: configuration) { fromLogs in
                _ = try fromLogs.keepingEveryRollup()
                try fromLogs.addingUpOnBothCores(years: years, generatedAt: "")
                return try years.map { try fromLogs.yearReportComparedWithTheYearBefore($0) }
            }
        }
    }

    /// The reports of the years `settle` was given, in order.
    func reports() throws -> [YearReport] {
        if let rebuilt { return try rebuilt.value() }
        // Asked for before `settle`, the work would wait for ever: a mistake in Kouka, stated rather than hung on.
        guard handoff.isDecided, let reports = try work.value() else {
            abandon()
            throw Unsettled()
        }
        return reports
    }

    /// The logs' reports were asked for before the years to compare were settled.
    struct Unsettled: Error, CustomStringConvertible {
        var description: String { "kouka-audit asked for the logs' reports before settling their years; please report this to Kouka's maintainers" }
    }

    /// Tells the work to stop once it has added up (a verification that stopped on an error), and waits for it: it reads a
    /// store in a temporary folder that is then removed.
    func abandon() {
        decide(.discard)
        work.waitUntilDone()
        rebuilt?.waitUntilDone()
    }

    private func decide(_ decision: Decision) {
        guard !handoff.isDecided else { return }
        handoff.isDecided = true
        handoff.decision = decision
        handoff.decided.signal()
    }
}
