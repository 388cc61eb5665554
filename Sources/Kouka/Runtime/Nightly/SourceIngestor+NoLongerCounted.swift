/// A file read again whole that no longer counts runs it counted — an export overwritten by another machine's, re-exported
/// for fewer days, or made a copy of another file — while other files left those runs out as counted in it. Those files
/// are read again once it is recorded, and count them; one that cannot be read again is named, as the runs then count
/// nowhere.
extension SourceIngestor {
    /// Notes in `ended` the files that left runs out for the file of `display`, when its new reading (`newRuns`, nil for one
    /// that counts nothing now) no longer counts some of the runs its ledger line counts.
    func findRunsNoLongerCounted(_ display: String, format: String, newRuns: RunKeyStream?, in ended: inout RunsEndedHere,
                                 store: KoukaStore, summary: inout NightlySummary) throws {
        guard readingAgainForEndedRuns < Self.endedRunsDepth, let before = try store.countedRuns(ofSourceAt: display), !before.all.isEmpty
        else { return }
        var lost = before.all
        try newRuns?.forEach { lost.remove($0) }
        guard !lost.isEmpty else { return }
        for (path, runs) in try store.filesLeavingRunsOut(for: display, format: format).sorted(by: { $0.key < $1.key }) {
            if try isReadableAsRecorded(path, store: store) {
                ended.noLongerCountedHere[path, default: 0] += runs
            } else {
                let reason = "read again, it no longer counts \(lost.count) run(s) it counted, and \(path), which left \(runs) run(s) out as counted in this file, cannot be read again (it is not at its path with the bytes it was read as): those runs count nowhere until it can. Put \(path) back (from a backup if need be), then run kouka-nightly"
                summary.filesLosingRuns.append(.init(path: display, reason: reason))
                logger.warning("a file no longer counts runs another file left out for it, and that file cannot be read again",
                               metadata: ["file": "\(display)", "other file": "\(path)", "runs": "\(runs)"])
            }
        }
    }
}
