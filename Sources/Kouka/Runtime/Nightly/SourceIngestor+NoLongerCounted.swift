/// A file read again whole that no longer counts runs it counted — an export overwritten by another machine's, re-exported
/// for fewer days, made a copy of another file, or rejected whole — while other files left those runs out as counted in
/// it. Those files are read again once it is recorded, and count them (a file among the sources that changed too is read
/// whole at its own turn, and counts them then). Runs it no longer counts that no file counts once that is done are named:
/// they are no longer in any file Kouka reads, whatever the per-day counts say.
extension SourceIngestor {
    /// Notes in `ended` the files that left runs out for the file of `display`, when its new reading (`newRuns`, nil for one
    /// that counts nothing now) no longer counts some of the runs its ledger line counts, and those runs. Runs it left out
    /// because another file counts them (`countedElsewhere`: taken over, or counted first there) are not lost: the files
    /// that left them out for it still leave them out rightly, and are not read again for them. Read again for them, each
    /// set off readings of the files around it again, and a chain of exports ran past `endedRunsDepth`, where a file leaves
    /// out every run another counts, unfinished or not: a run two files each left out for the other counted nowhere.
    func findRunsNoLongerCounted(_ display: String, format: String, newRuns: RunKeyStream?, countedElsewhere: Set<UInt64> = [],
                                 in ended: inout RunsEndedHere, store: KoukaStore) throws {
        guard let line = try store.source(path: display), line.status == .present || line.status == .gone else { return }
        let before = try store.runKeySet(ofSource: line.id)
        guard let row = before.row, let first = LocalDate(row.firstDay), let last = LocalDate(row.lastDay), first <= last, !before.hashes.isEmpty
        else { return }
        var lost = Set(before.hashes).subtracting(countedElsewhere)
        let counted = Set(before.hashes)
        try newRuns?.forEach { hash in
            if lost.remove(hash) == nil, !counted.contains(hash) { ended.newlyCounted += 1 }
        }
        // Runs it still counts, but less far on than it did (saved over by an export of before their end): a file that left
        // one out holding it further on counts it, as when both were read in either order.
        let weakened = newRuns.map { Self.runsHeldLessFarOn(before: before.hashes, beforeUnfinished: before.unfinished,
                                                            beforeUnanswered: before.unanswered, now: $0) } ?? []
        guard !lost.isEmpty || !weakened.isEmpty else { return }
        if !lost.isEmpty { ended.noLongerCounted = (format, lost, first...last) }
        // Beyond the depth of files read again for one another, they are not read again: the runs are named below.
        guard readingAgainForEndedRuns < Self.endedRunsDepth else { return }
        for (path, runs) in try store.filesLeavingRunsOut(for: display, format: format).sorted(by: { $0.key < $1.key }) {
            if try isReadableAsRecorded(path, store: store) {
                ended.noLongerCountedHere[path, default: 0] += runs
            } else if file(at: path) == nil || recorded.contains(path) {
                ended.leftOutByUnreadable[path, default: 0] += runs
            }
            // Among the sources with other bytes and not yet recorded: read whole at its own turn, with this file's runs known.
        }
        // A robot's log of the day after holding the end of a run whose start this file no longer holds counts it, read
        // again (helper-93's uipath-log-rewritten-verify-differs.sh: the run named as in no file, the store short for good).
        guard !lost.isEmpty else { return }
        for path in try store.runPartPaths(countedIn: line.id) where try isReadableAsRecorded(path, store: store) {
            ended.holdingPartsOfLost[path, default: 0] += lost.count
        }
    }

    /// Of the runs a file counted (`before`, with its marks), those its new reading (`now`) counts at an earlier stage
    /// (`CountedRun.stage`): ended before, unfinished now; answered before, not answered yet now.
    static func runsHeldLessFarOn(before: [UInt64], beforeUnfinished: [UInt64], beforeUnanswered: [UInt64], now: RunKeyStream) -> Set<UInt64> {
        let nowUnfinished = Set(now.unfinished), nowUnanswered = Set(now.unanswered)
        guard !nowUnfinished.isEmpty else { return [] }
        let counted = Set(before), wasUnfinished = Set(beforeUnfinished), wasUnanswered = Set(beforeUnanswered)
        return Set(nowUnfinished.filter { hash in
            counted.contains(hash) && CountedRun.stage(of: hash, unfinished: nowUnfinished, unanswered: nowUnanswered)
                < CountedRun.stage(of: hash, unfinished: wasUnfinished, unanswered: wasUnanswered)
        })
    }

    /// Once the files that can be read again were: keeps what the file of `display` no longer counts, to be judged when
    /// every file of the run is recorded (`settleRunsCountedNowhere`): a file read later this run may count those runs
    /// (two exports whose names were swapped).
    /// `takenBack`: those a file that cannot be read again counts now (`takeBackRunsCountedNowhere`).
    func noteRunsNoLongerCounted(_ ended: RunsEndedHere, display: String, takenBack: Set<UInt64> = [], store: KoukaStore) throws {
        guard let (format, lost, days) = ended.noLongerCounted else { return }
        let left = lost.subtracting(takenBack)
        guard !left.isEmpty, !Self.countsUnderItsNewName(display, format: format, renamed: renamedTonight, lost: left.count,
                                                         newlyCounted: ended.newlyCounted) else { return }
        noLongerCounted.append((display, format, left, days, ended.leftOutByUnreadable))
        try store.noteLoss(path: display, reason: "read again, it no longer counts \(left.count) run(s) it counted before, which another file may count")
    }

    /// A transcript's run is its recording, known by its path (`TranscriptRecording.name(of:)`): renamed or moved tonight (its
    /// ledger line moved with it), it counts under its new path the recording it counted under the old one, which is no loss
    /// (helper-104 #2), when it counts as many recordings newly as it no longer counts: emptied or saved over with a copy of
    /// another, it lost its meeting, which is named (helper-106 #4). Another format of the recording left at the old path is
    /// read again for it all the same.
    static func countsUnderItsNewName(_ display: String, format: String, renamed: Set<String>, lost: Int, newlyCounted: Int) -> Bool {
        format == TranscriptParser.format && renamed.contains(display) && newlyCounted >= lost
    }

    /// Names each file read again this run whose runs no longer counted by it count nowhere now that every file is
    /// recorded, with any file that left runs out for it and cannot be read again. A file already named for the days that
    /// lost runs (`settleLosses`) is named once.
    func settleRunsCountedNowhere(store: KoukaStore, summary: inout NightlySummary) throws {
        let named = Set(summary.filesLosingRuns.map(\.path))
        let rejectedWhole = Set(summary.filesRejected.map(\.path))
        for (display, format, lost, days, unreadableFiles) in noLongerCounted where !named.contains(display) {
            let nowhere = try runsCountedNowhere(lost, format: format, days: days, display: display, store: store).count
            guard nowhere > 0 else { continue }
            let unreadable = unreadableFiles.sorted(by: { $0.key < $1.key })
                .map { "\($0.key), which left \($0.value) run(s) out as counted in this file, cannot be read again (it is not at its path with the bytes it was read as): put it back (from a backup if need be) if it holds them" }
            // Rejected whole tonight: its runs are in it, unread — the loss is the rejection's, and its remedy is the rejection's
            // (helper-190 #2: a re-export with a byte-order mark was told to be put back as a file cut short).
            let reason = rejectedWhole.contains(display)
                ? "rejected whole tonight (see filesRejected for why), it counts none of the \(nowhere) run(s) it counted before, and no other file counts them: they count nowhere until it can be read. Do what its rejection says, then run kouka-nightly"
                    + (unreadable.isEmpty ? "" : "; " + unreadable.joined(separator: "; "))
                : readForRecordingName.contains(display)
                ? "read again under its recording's name (from 0.5.9 a tool's .words, .cc or .transcript kind of a transcript, and a name with or without the audio's extension, are one recording; from 0.5.12 so are Buzz's exports, whose names end with the moment each was written: ' (transcribed on …)'), it no longer counts the meeting it counted a second time under the name an earlier Kouka gave it: another transcript of the recording counts it once (the figures of its year drop by that second count)"
                : "read again, it no longer counts \(nowhere) run(s) it counted before, and no file Kouka reads counts them now: they are in no source file any more (an export saved over by one with other runs, or cut short)"
                + (unreadable.isEmpty ? "" : "; " + unreadable.joined(separator: "; "))
                + ". If that is not what happened, put the earlier file back under its own name and run kouka-nightly; if it was rotated"
                + " (renamed to a .1 or dated name, a new file begun under its name) to a name the source's path does not match, widen the"
                + " path to match it instead: the runs count again under that name"
            summary.filesLosingRuns.append(.init(path: display, reason: reason))
            logger.warning("a file read again no longer counts runs that no other file counts", metadata: ["file": "\(display)", "runs": "\(nowhere)"])
        }
        noLongerCounted.removeAll()
    }
}

extension SourceIngestor {
    /// Notes in `ended` the files that left runs out as counted in the file of `display` while it was away (`backFromAway`:
    /// its ledger line `gone`, now back) and that can be read again. A file holding a run further on than a file that cannot be read again leaves it out (a chatbot export
    /// deleted by routine retention keeps its last question, `takeOver`'s `goneKeepsOpenRuns`); once the file is back, that
    /// file counts the run as it went on, as when both were there. Their reading leaves out again the runs it holds no further on.
    func findFilesLeavingRunsOutWhileAway(_ display: String, format: String, in ended: inout RunsEndedHere, store: KoukaStore) throws {
        guard backFromAway.contains(display), readingAgainForEndedRuns < Self.endedRunsDepth else { return }
        for (path, runs) in try store.filesLeavingRunsOut(for: display, format: format).sorted(by: { $0.key < $1.key })
        where try isReadableAsRecorded(path, store: store) {
            ended.leftOutWhileAway[path, default: 0] += runs
        }
    }
}
