/// A file read again whole that no longer counts runs it counted — an export overwritten by another machine's, re-exported
/// for fewer days, made a copy of another file, or rejected whole — while other files left those runs out as counted in
/// it. Those files are read again once it is recorded, and count them. A file that left runs out and cannot be read again
/// is named when, after the others were read again, runs the file no longer counts still count nowhere.
extension SourceIngestor {
    /// Notes in `ended` the files that left runs out for the file of `display`, when its new reading (`newRuns`, nil for one
    /// that counts nothing now) no longer counts some of the runs its ledger line counts.
    func findRunsNoLongerCounted(_ display: String, format: String, newRuns: RunKeyStream?, in ended: inout RunsEndedHere,
                                 store: KoukaStore) throws {
        guard readingAgainForEndedRuns < Self.endedRunsDepth, let before = try store.countedRuns(ofSourceAt: display), !before.all.isEmpty
        else { return }
        var lost = before.all
        try newRuns?.forEach { lost.remove($0) }
        guard !lost.isEmpty else { return }
        for (path, runs) in try store.filesLeavingRunsOut(for: display, format: format).sorted(by: { $0.key < $1.key }) {
            if try isReadableAsRecorded(path, store: store) {
                ended.noLongerCountedHere[path, default: 0] += runs
            } else {
                ended.leftOutByUnreadable[path, default: 0] += runs
            }
        }
        if !ended.leftOutByUnreadable.isEmpty { ended.noLongerCounted = (format, lost) }
    }

    /// Once the files that can be read again were: names the files that cannot, when runs the file of `display` no longer
    /// counts still count nowhere (another file read again may have counted every one of them).
    func nameRunsCountedNowhere(_ ended: RunsEndedHere, display: String, store: KoukaStore, summary: inout NightlySummary) throws {
        guard let (format, lost) = ended.noLongerCounted, !ended.leftOutByUnreadable.isEmpty else { return }
        let hashes = lost.sorted()
        let any = LocalDate(year: 2000, month: 1, day: 1)
        let countedNow = try store.runsCountedElsewhere(in: RunKeyStream(days: any...any) { body in for hash in hashes { try body(hash) } },
                                                        format: format, otherThan: display, anyDay: true)
        let nowhere = hashes.count(where: { countedNow[$0] == nil })
        guard nowhere > 0 else { return }
        for (path, runs) in ended.leftOutByUnreadable.sorted(by: { $0.key < $1.key }) {
            let reason = "read again, it no longer counts \(nowhere) run(s) that no other file counts now; \(path), which left \(runs) run(s) out as counted in this file, cannot be read again (it is not at its path with the bytes it was read as), so any of those among them count nowhere until it can. Put \(path) back (from a backup if need be), then run kouka-nightly; if it was removed on purpose and held no run of its own, the runs this file no longer holds are gone with its earlier content"
            summary.filesLosingRuns.append(.init(path: display, reason: reason))
            logger.warning("a file no longer counts runs another file left out for it, and that file cannot be read again",
                           metadata: ["file": "\(display)", "other file": "\(path)", "runs": "\(runs)"])
        }
    }
}
