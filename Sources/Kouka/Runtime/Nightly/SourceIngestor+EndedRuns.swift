
/// What a file being recorded does about the runs another file already counts: it leaves them out, except those it
/// holds ended that the other counted as unfinished (an export made while the run was still PROCESSING, past the
/// allowed age). Those it counts, and the other file is read again without them, in the same transaction, so the
/// run counts once, with its real outcome, whichever of the two files was read first.
struct RunsEndedHere {
    /// The runs the file leaves out, with the file that counts each (`FileRead.readAgain(leavingOut:fresh:)`).
    var leftOut: [UInt64: String] = [:]
    /// The files to read again once this one is recorded, with how many of their unfinished runs it counts ended.
    var takenFrom: [String: Int] = [:]
    /// The files that counted as unfinished runs this one holds ended, and cannot be read again (gone from the
    /// sources, or no longer the bytes they were read as): the run stays theirs, and the run says so.
    var keptBy: [String: Int] = [:]
}

extension SourceIngestor {
    /// Decides, of the runs `counted` elsewhere, which this file counts: those it holds ended (not in
    /// `unfinishedHere`, its own unfinished runs) that a file it can read again counted as unfinished.
    func takeOver(_ counted: [UInt64: CountedRun], unfinishedHere: [UInt64], store: KoukaStore) throws -> RunsEndedHere {
        var ended = RunsEndedHere()
        let unfinishedHere = Set(unfinishedHere)
        var canReadAgain: [String: Bool] = [:]
        for (hash, run) in counted {
            guard run.unfinished, !unfinishedHere.contains(hash), readingAgainForEndedRuns < Self.endedRunsDepth else {
                ended.leftOut[hash] = run.path
                continue
            }
            if canReadAgain[run.path] == nil { canReadAgain[run.path] = try isReadableAsRecorded(run.path, store: store) }
            if canReadAgain[run.path]! {
                ended.takenFrom[run.path, default: 0] += 1
            } else {
                ended.leftOut[hash] = run.path
                ended.keptBy[run.path, default: 0] += 1
            }
        }
        return ended
    }

    /// Once the file at `display` is recorded: reads again each file it took runs over from, and names those it could
    /// not take them from.
    func settle(_ ended: RunsEndedHere, endedIn display: String, store: KoukaStore, summary: inout NightlySummary) throws {
        for (path, runs) in ended.keptBy.sorted(by: { $0.key < $1.key }) {
            let reason = "\(runs) run(s) it counts as unfinished end in \(display), which leaves them out until this file can be read again without them: it is not at its path with the bytes it was read as. Put it back (from a backup if need be); each nightly run reads \(display) again and names this file until then"
            summary.unfinishedRunsEndedElsewhere.append(.init(path: path, reason: reason))
            logger.warning("runs counted as unfinished ended in another file, and the file that counts them cannot be read again",
                           metadata: ["file": "\(path)", "ended in": "\(display)", "runs": "\(runs)"])
        }
        // Recorded now: the files read again below leave out the runs it counts.
        if !ended.takenFrom.isEmpty { recorded.insert(display) }
        for (path, runs) in ended.takenFrom.sorted(by: { $0.key < $1.key }) {
            guard let file = file(at: path) else { continue }
            summary.filesReadForEndedRuns.append(.init(path: path, reason: "\(runs) run(s) it counted as unfinished end in \(display), which counts them now: read again without them"))
            logger.notice("source file is read again: runs it counted as unfinished ended in another file",
                          metadata: ["file": "\(path)", "ended in": "\(display)", "runs": "\(runs)"])
            looksEarly(at: path)
            // Stated once, as read: not also as unchanged, at its turn before this or after.
            if marksReadForEndedRuns(path) { summary.filesUnchanged -= 1 }
            // A reading of it already under way this run (a robot's log read on from where it stopped) would add to what
            // is read here: it is dropped when its turn to be recorded comes.
            let underWay = (underWayThisRun[path] ?? 0) > 0
            readingAgainForEndedRuns += 1
            defer { readingAgainForEndedRuns -= 1 }
            // Checked just before (`isReadableAsRecorded`): a file that cannot be read now would leave both files counting
            // the run, so the transaction is given up, and the store stays as it was.
            guard let read = try prepare(path: file.path, display: path, spec: file.spec, store: store, forced: true, dryRun: false, summary: &summary),
                  read.duplicateOf == nil else {
                throw InputError.cannotRead(path: path, reason: "it changed while kouka-nightly read it again for runs that ended in \(display); run kouka-nightly again")
            }
            read.read()
            if let earlier = tallies.removeValue(forKey: path) { forget(earlier, of: path, summary: &summary) }
            if let failure = read.failure {
                throw InputError.cannotRead(path: path, reason: "reading it again for runs that ended in \(display) failed (\(failure)); run kouka-nightly again")
            }
            try commit(read, store: store, summary: &summary)
            if underWay { superseded[path, default: 0] += 1 }
        }
    }

    /// Stops the run when a file read again for runs that ended in another could not be: recorded as unreadable it would
    /// keep counting them, and so would the other. The transaction is given up, and the store stays as it was.
    func mustReadForEndedRuns(_ display: String, failure: any Error) throws {
        guard readingAgainForEndedRuns > 0 else { return }
        throw InputError.cannotRead(path: display, reason: "reading it again for runs that ended in another file failed (\(failure)); run kouka-nightly again")
    }

    /// Whether the reading of `read` was made out of date by a reading of the same file for runs that ended elsewhere,
    /// recorded since it was prepared: then it is not recorded.
    func isSuperseded(_ read: FileRead) -> Bool {
        guard let count = superseded[read.display], count > 0 else { return false }
        superseded[read.display] = count - 1
        return true
    }

    /// Whether the counted file at `path` is among the sources, and holds the bytes its ledger line was read from, so
    /// that reading it again gives what it counted, less the runs another file takes over.
    private func isReadableAsRecorded(_ path: String, store: KoukaStore) throws -> Bool {
        // A file marked gone that is back with its bytes can be read again.
        guard let file = file(at: path), let line = try store.source(path: path), line.status == .present || line.status == .gone, !line.sha256.isEmpty
        else { return false }
        looksEarly(at: path)
        return SHA256.hexDigest(ofFile: file.path) == line.sha256
    }
}
