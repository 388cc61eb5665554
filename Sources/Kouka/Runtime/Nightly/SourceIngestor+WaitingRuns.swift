import Foundation

/// Runs a file held still running when it was read (pending runs, not counted), once that file can no longer be read as
/// it was: deleted, it counts each as unfinished once past the allowed age, as it would have had it stayed (before, such a
/// run counted nowhere, with exit 0); saved over by an export that no longer lists one, the run is named. Either way, a run
/// another file Kouka reads holds (ended, counted, or still running) is that file's.
extension SourceIngestor {
    /// Has each deleted file keeping runs still running let go of those another file holds now, and count as unfinished
    /// those past `pending_max_hours` that none holds; then names each file read again this run that no longer holds a run
    /// it held still running, when no file holds it now.
    func settleWaitingRuns(store: KoukaStore, summary: inout NightlySummary) throws {
        for file in try store.waitingRunsOfGoneFiles() {
            // A file whose rows in the store are not those its digests were recorded for (changed outside Kouka) changes
            // nothing: its digests would be recorded anew over the change.
            guard try isUnchangedInStore(file.source, path: file.path, store: store, summary: &summary) else { continue }
            // Let go only for a file that counts the run (another deleted file keeping it still running is no holder: the first
            // recorded counts it, the others then let go). A file among the sources keeping it still running holds it for now:
            // it counts the run once it ends or is past the age, but saved over without it, it counts it nowhere, and this
            // file, which let go, would not either (helper-80's gone_waiting_dropped_for_present_copy.sh).
            let held = try runsHeldElsewhere(file.runs.map(\.hash), days: file.runs.map(\.key.date), format: file.format, otherThan: file.path,
                                             id: file.source, waitingIn: [], store: store)
                .union(try store.runsHeld(bySource: file.source).intersection(file.runs.map(\.hash)))
            let waitingElsewhere = try Set(file.runs.map(\.hash).filter { hash in
                try !held.contains(hash) && store.isWaiting(hash, format: file.format, inFileOtherThan: file.source, status: [.present])
            })
            // Of a run kept twice (an export appended to another), its first row.
            var first = Set<UInt64>()
            let due = file.runs.filter { run in
                !held.contains(run.hash) && !waitingElsewhere.contains(run.hash) && isPastAllowedAge(run) && first.insert(run.hash).inserted
            }
            // The rows counted now are kept as counted before their end: what is left of those runs are their repeats. In one
            // transaction: a run killed between the two left a repeat waiting, counted again the next night.
            try store.settleWaitingRuns(of: file.source, counting: due, lettingGo: Array(held) + due.map(\.hash))
            guard !due.isEmpty else { continue }
            summary.runsUnfinished += due.count
            summary.unfinishedRuns.append(.init(path: file.path, reason: Self.waitingCountedReason(due.count)))
            logger.warning("a deleted file counts runs it held still running as unfinished: no file holds their end",
                           metadata: ["file": "\(file.path)", "runs": "\(due.count)"])
        }
        for file in waitingNoLongerHeld {
            let held = try runsHeldElsewhere(file.runs, days: [file.days.lowerBound, file.days.upperBound], format: file.format, otherThan: file.display,
                                             id: file.id, waitingIn: [.present, .gone], store: store)
            let lost = Set(file.runs).subtracting(held).count
            guard lost > 0 else { continue }
            summary.filesLosingRuns.append(.init(path: file.display, reason: file.asCopy ? Self.waitingLostByCopyReason(lost) : Self.waitingLostReason(lost)))
            logger.warning("a file read again no longer holds runs it held still running, and no other file holds them",
                           metadata: ["file": "\(file.display)", "runs": "\(lost)"])
        }
        waitingNoLongerHeld.removeAll()
    }

    /// Of the runs a file's reading (`collector`) holds still running, those to keep: one row of each run, and none the file
    /// counts itself or leaves out as counted elsewhere (an export appended to another holds a run still running, then
    /// ended: deleted, it counted the run a second time, as unfinished; helper-77's wa_one_file_waiting_and_ended.sh).
    static func waitingRunsItDoesNotHold(_ collector: EventCollector) throws -> [RunRollup] {
        guard !collector.waitingRuns.isEmpty else { return [] }
        let waiting = Set(collector.waitingRuns.map(\.hash))
        var held = Set(collector.leftOut.map(\.hash)).intersection(waiting)
        try stream(collector)?.forEach { hash in if waiting.contains(hash) { held.insert(hash) } }
        var first = Set<UInt64>()
        return collector.waitingRuns.filter { !held.contains($0.hash) && first.insert($0.hash).inserted }
    }

    /// Notes the runs the file of `display` held still running when last read that its new reading (`collector`) holds
    /// neither counted nor still running, nor leaves out as counted elsewhere (`leftOut`): judged once every file is
    /// recorded. Returns those to keep with the file, still running, until another file holds them or they are past the
    /// allowed age: its line keeps them among its pending runs, so that it is read again, and they are named, the next night
    /// too (a run killed before the night's end would otherwise never name them: helper-77's
    /// wa_saved_over_killed_before_settle.sh).
    func noteWaitingRunsNoLongerHeld(_ display: String, format: String, collector: EventCollector, leftOut: [UInt64: String],
                                     store: KoukaStore, asCopy: Bool = false) throws -> [RunRollup] {
        guard let line = try store.source(path: display), line.status == .present, line.pendingRuns > 0 else { return [] }
        let before = try store.waitingRuns(ofSource: line.id)
        guard !before.isEmpty else { return [] }
        var gone = Set(before.map(\.hash)).subtracting(collector.waitingRuns.map(\.hash)).subtracting(leftOut.keys)
        try Self.stream(collector)?.forEach { gone.remove($0) }
        guard !gone.isEmpty else { return [] }
        let vanished = before.filter { gone.contains($0.hash) }
        let days = vanished.map(\.key.date)
        waitingNoLongerHeld.append((display, format, line.id, gone.sorted(), days.min()!...days.max()!, asCopy))
        try store.noteLoss(path: display, reason: asCopy ? Self.waitingLostByCopyReason(gone.count) : Self.waitingLostReason(gone.count))
        let held = try runsHeldElsewhere(gone.sorted(), days: days, format: format, otherThan: display, id: line.id, waitingIn: [.present, .gone],
                                         store: store)
        var first = Set<UInt64>()
        return vanished.filter { !held.contains($0.hash) && !isPastAllowedAge($0) && first.insert($0.hash).inserted }
    }

    /// Of `hashes`, the runs a file of `format` other than `path` (ledger line `id`) counts, or keeps still running with a
    /// status of `waitingIn`.
    private func runsHeldElsewhere(_ hashes: [UInt64], days: [LocalDate], format: String, otherThan path: String, id: Int64,
                                   waitingIn statuses: Set<SourceFileRecord.Status>, store: KoukaStore) throws -> Set<UInt64> {
        let sorted = Array(Set(hashes)).sorted()
        // A run another file counts may be dated otherwise there (a job by its creation while pending, by its start once run).
        let margin = UiPathExecutionLogParser.longestRunDays
        let around = days.min()!.adding(days: -margin)...days.max()!.adding(days: margin)
        let counted = try store.runsCountedElsewhere(in: RunKeyStream(days: around) { body in for hash in sorted { try body(hash) } },
                                                     format: format, otherThan: path)
        return try Set(sorted.filter { hash in try counted[hash] != nil || !statuses.isEmpty && store.isWaiting(hash, format: format, inFileOtherThan: id, status: statuses) })
    }

    /// Whether a run that was still running is past the allowed age, as its file's reading would judge it now.
    private func isPastAllowedAge(_ run: RunRollup) -> Bool {
        guard let since = run.since else { return false }
        return now.timeIntervalSince(since) > configuration.pendingMaxAge
    }

    /// What the summary says of a deleted file that counted runs it held still running.
    static func waitingCountedReason(_ runs: Int) -> String {
        "not among the sources (deleted), it held \(runs) run(s) still running when it was read, and no file Kouka reads holds them, ended or not, now that they are past pending_max_hours: counted as unfinished, failures with their rework minutes, as it would have counted them had it stayed; an export holding one ended takes it over. Check the robot, or put back the export that holds their end"
    }

    /// What the summary says, the night it is found, of a file that became a copy of another and held runs still running.
    static func waitingLostByCopyReason(_ runs: Int) -> String {
        "now a copy of another file, it no longer holds \(runs) run(s) it held still running when an earlier night read it, and no file Kouka reads holds them now: they count nowhere, not even as unfinished (an export saved over with another's bytes). Named this night only: a copy keeps nothing. Put the earlier export back under another name, or export the runs again once they have ended, and run kouka-nightly"
    }

    /// What the summary says of a file read again that no longer holds runs it held still running.
    static func waitingLostReason(_ runs: Int) -> String {
        "read again, it no longer holds \(runs) run(s) it held still running when an earlier night read it, and no file Kouka reads holds them now: they count nowhere, not even as unfinished (an export saved over by one that no longer lists them). Named every night until a file holds them or they are past pending_max_hours. Put the earlier export back under another name, or export the runs again once they have ended, and run kouka-nightly"
    }
}
