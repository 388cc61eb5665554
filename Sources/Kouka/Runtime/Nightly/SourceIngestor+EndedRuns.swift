
/// What a file being recorded does about the runs another file already counts: it leaves them out, except those it
/// holds ended that the other counted as unfinished (an export made while the run was still PROCESSING, past the
/// allowed age). Those it counts, and the other file is read again without them, in the same transaction, so the
/// run counts once, with its real outcome, whichever of the two files was read first.
struct RunsEndedHere {
    /// The runs the file leaves out, with the file that counts each (`FileRead.readAgain(leavingOut:fresh:)`).
    var leftOut: [UInt64: String] = [:]
    /// The files to read again once this one is recorded, with the unfinished runs of theirs it counts ended.
    var takenFrom: [String: [UInt64]] = [:]
    /// The files that counted as unfinished runs this one holds ended, and cannot be read again (gone from the
    /// sources, or no longer the bytes they were read as): the run stays theirs, and the run says so.
    var keptBy: [String: Int] = [:]
    /// The robot's logs of the days after, read before this one was there, that count runs this one holds the start of:
    /// this one counts them, and those logs are read again without them.
    var startedHere: [String: Int] = [:]
    /// The robot's logs of a later day, read before this one was there, that count runs of job ids this one holds ended
    /// (`SourceIngestor.countedBeside`): this one, the earlier, counts them, and those logs are read again with it there,
    /// which rejects them as repeated ids. So the earlier log keeps the run whichever arrived first, as when read in order.
    var repeatedAfter: [String: Int] = [:]
    /// The robot's log of a day before, read before this one (or one between) was there, that counted as unfinished
    /// runs whose end this one holds or leads to: read again, it finds their end and counts them as they ended.
    var endingHere: [String: Int] = [:]
    /// The robot's log of the day before, read before this one was there, that holds lines of runs no earlier log counts
    /// (left to a later log that counts them, read before this one joined them): read again, it counts them.
    var joinedHere: [String: Int] = [:]
    /// The robot's log of a later day, read before this one was there, that counts as runs of their own lines copied from
    /// runs this one rejects (`SourceIngestor.findCopies(ofRejected:in:store:)`): read again with this one there, it rejects them.
    var copiesOfRejected: [String: Int] = [:]
    /// The files that left runs out as counted in this one, which, read again, no longer counts some of them
    /// (`findRunsNoLongerCounted`): read again, they count them.
    var noLongerCountedHere: [String: Int] = [:]
    /// The files holding lines of runs this one counted (a robot's log of the day after, with a run's end: `run_parts`),
    /// which, read again, no longer holds their start: read again, they count the runs they end, as a fresh reading does.
    var holdingPartsOfLost: [String: Int] = [:]
    /// Those that cannot be read again; and the runs this one no longer counts, with their format and the days its runs
    /// were on: named if, once the others were read again, some of the runs count nowhere (`nameRunsCountedNowhere`).
    var leftOutByUnreadable: [String: Int] = [:]
    /// The files that left runs out as counted in this one while it was away (gone, then back at its path or as a copy that
    /// took its line over), which kept the runs whatever they held of them: read again, they count those they hold further
    /// on (`findFilesLeavingRunsOutWhileAway`).
    var leftOutWhileAway: [String: Int] = [:]
    var noLongerCounted: (format: String, runs: Set<UInt64>, days: ClosedRange<LocalDate>)?
    /// How many runs the file's new reading counts that its line did not: a transcript renamed tonight counts its recording
    /// under the id its new path gives (`SourceIngestor.countsUnderItsNewName`).
    var newlyCounted = 0
    /// The files not among the sources (deleted) that counted before their end runs this one holds further on, with what
    /// each kept of them: this one counts them, and those files give them up (`KoukaStore.giveUp`).
    var givenUpBy: [String: [RunRollup]] = [:]
    /// Deleted files that would give up a run but whose rows in the store were changed outside Kouka, with the reason.
    var changedInStore: [String: String] = [:]
    /// The deleted files that left out runs this one holds before their end, and hold them further on, with what each kept
    /// of them: those files count them, and this one leaves them out (`findRunsHeldFurtherOnByDeletedFiles`).
    var heldFurtherOnBy: [String: [RunRollup]] = [:]
}

extension SourceIngestor {
    /// Decides, of the runs `counted` elsewhere, which this file counts: those it holds further on (`CountedRun.stage`: ended,
    /// not in `unfinishedHere`, its own unfinished runs; or a question answered, not in `unansweredHere`) than a file it can
    /// read again counted them, and those it
    /// holds the start of that a robot's log of a day after counts (`goingOnAfter`: read before this one was there).
    /// `repeatedAfter`: the runs a robot's log of a later day counts too, by that log (`countedBeside`), which this one takes.
    /// `goneKeepsOpenRuns`: a run another file counts before its end, that file gone or changed since, stays that file's
    /// without a word (a chatbot's export deleted by routine retention: its last question keeps the outcome it counted, as
    /// before Kouka took such questions over), rather than being named every night until the file is put back.
    /// `recordedAs`: this file's ledger line, when it has one (read again) and its format's exports may date one run otherwise
    /// (`LogParser.datesRunsAsExported`): the file recorded first keeps a run (`CountedRun.countedInLine`), and takes it from
    /// a later one it can read again.
    func takeOver(_ counted: [UInt64: CountedRun], unfinishedHere: [UInt64], unansweredHere: [UInt64] = [], goingOnAfter: [SharedRuns],
                  repeatedAfter: [UInt64: String] = [:], goneKeepsOpenRuns: Bool = false, recordedAs: Int64? = nil,
                  store: KoukaStore) throws -> RunsEndedHere {
        var ended = RunsEndedHere()
        let unfinishedHere = Set(unfinishedHere), unansweredHere = Set(unansweredHere)
        let startedHere = Dictionary(goingOnAfter.map { ($0.file, Set($0.hashes)) }, uniquingKeysWith: { $0.union($1) })
        var canReadAgain: [String: Bool] = [:]
        for (hash, run) in counted {
            let ownStart = startedHere[run.path]?.contains(hash) ?? false
            let ownRepeat = !ownStart && repeatedAfter[hash] == run.path
            let furtherOn = run.stage < CountedRun.stage(of: hash, unfinished: unfinishedHere, unanswered: unansweredHere)
            let recordedFirst = !furtherOn && run.stage == CountedRun.stage(of: hash, unfinished: unfinishedHere, unanswered: unansweredHere)
                && run.countedInLine.map { other in recordedAs.map { $0 < other } ?? false } ?? false
            guard furtherOn || recordedFirst || ownStart || ownRepeat, readingAgainForEndedRuns < Self.endedRunsDepth else {
                ended.leftOut[hash] = run.path
                continue
            }
            if canReadAgain[run.path] == nil { canReadAgain[run.path] = try isReadableAsRecorded(run.path, store: store) }
            // A file it cannot read again keeps the run, as a reading in the order the files were first recorded, which gives
            // it the run ids that file counts before anything is read, does.
            if recordedFirst, !canReadAgain[run.path]! {
                ended.leftOut[hash] = run.path
                continue
            }
            if canReadAgain[run.path]! {
                if ownStart {
                    ended.startedHere[run.path, default: 0] += 1
                } else if ownRepeat {
                    ended.repeatedAfter[run.path, default: 0] += 1
                } else {
                    ended.takenFrom[run.path, default: []].append(hash)
                }
            } else if !ownStart, !ownRepeat, file(at: run.path) == nil, let line = try store.source(path: run.path),
                      let kept = try store.countedOpenRun(hash, source: line.id), try isUnchangedInStore(line.id, path: line.path, in: &ended, store: store) {
                // Deleted, and it kept what it counted of the run: it gives the run up to this file, which holds it further on.
                ended.givenUpBy[run.path, default: []].append(kept)
            } else {
                ended.leftOut[hash] = run.path
                // A run the day after's log counts, ended or not, stays its own, as a repeat here: no figure waits on it.
                if !ownStart && !ownRepeat && !goneKeepsOpenRuns { ended.keptBy[run.path, default: 0] += 1 }
            }
        }
        return ended
    }

    /// Whether the deleted file of ledger line `id` at `path` holds in the store what its digests were recorded for, so that
    /// it may give a run up or count one; noted in `ended` when not (named once the file is recorded, `giveUpRunsHeldFurtherOn`).
    func isUnchangedInStore(_ id: Int64, path: String, in ended: inout RunsEndedHere, store: KoukaStore) throws -> Bool {
        if ended.changedInStore[path] != nil { return false }
        guard let reason = try Self.changedInStore(id, store: store) else { return true }
        ended.changedInStore[path] = reason
        return false
    }

    /// The runs a file read again for runs another took over leaves out, by the file that counts each (`settle`), taken
    /// when its reading is recorded (`runsToLeaveOut(of:)`).
    func runsToLeaveOut(of display: String) -> [UInt64: CountedRun] {
        guard let runs = leavingOut.removeValue(forKey: display) else { return [:] }
        return runs.mapValues { CountedRun(path: $0, unfinished: false) }
    }

    /// The runs of `goingOnAfter` (a log's runs that go on in the robot's later logs) that those logs count, looked up
    /// in them by name: such a log, read before the log of the run's start, dates the run by its own lines when the run's
    /// total time is shorter than its span (a job suspended and resumed), so comparing the files whose days overlap
    /// would not find it there, and the run would count twice.
    func countedIn(_ goingOnAfter: [SharedRuns], otherThan display: String, store: KoukaStore) throws -> [UInt64: CountedRun] {
        var found: [UInt64: CountedRun] = [:]
        for shared in goingOnAfter where shared.file != display {
            guard let runs = try store.countedRuns(ofSourceAt: shared.file), try stands(shared.file, store: store) else { continue }
            Self.note(shared.hashes, countedBy: shared.file, runs, in: &found)
        }
        return found
    }

    /// Notes in `found` each of `hashes` that the file at `path` counts (`runs`), unless another file was found first.
    private static func note(_ hashes: [UInt64], countedBy path: String, _ runs: CountedRuns, in found: inout [UInt64: CountedRun]) {
        for hash in hashes where runs.all.contains(hash) && found[hash] == nil {
            found[hash] = CountedRun(path: path, unfinished: runs.unfinished.contains(hash), unanswered: runs.unanswered.contains(hash))
        }
    }

    /// The runs of `keys` (what this file counts) that the robot's logs named just before and after it count too, for a
    /// format whose run ids span a folder's dated logs (`LogParser.runIdsSpanDatedLogs`), and the logs before those while
    /// each left repeated runs out. Their days need not overlap: a job id that ended in one day's log and again in
    /// another's is found so, never counted twice in silence. The earlier log keeps it (`takeOver`'s `repeatedAfter`
    /// when the later one was read first), and the later one rejects it with its reason.
    func countedBeside(_ keys: RunKeyStream, parser: any LogParser, format: String, display: String, store: KoukaStore) throws -> [UInt64: CountedRun] {
        guard parser.runIdsSpanDatedLogs else { return [:] }
        let neighbours = try store.datedNeighbours(of: display, format: format)
        guard !neighbours.isEmpty else { return [:] }
        var hashes: [UInt64] = []
        try keys.forEach { hashes.append($0) }
        var found: [UInt64: CountedRun] = [:]
        func look(in neighbour: (id: Int64, path: String, repeated: Int64)) throws {
            guard try stands(neighbour.path, store: store) else { return }
            Self.note(hashes, countedBy: neighbour.path, try store.countedRuns(ofSource: neighbour.id), in: &found)
        }
        for neighbour in neighbours { try look(in: neighbour) }
        // A log before that left repeated runs out counts none of them, and the log before it may count one this file holds
        // too (an id in three days' logs): looked for back while each log left repeats out, as far as a run is followed.
        var before = neighbours.first { $0.path < display }
        for _ in 1..<UiPathExecutionLogParser.longestRunDays {
            guard let log = before, log.repeated > 0,
                  let earlier = try store.datedNeighbours(of: log.path, format: format, directions: ["<"]).first else { break }
            try look(in: earlier)
            before = earlier
        }
        return found
    }

    /// The runs this file counts unfinished that a robot's log of a later day counts, for a format whose run ids span a
    /// folder's dated logs: a job suspended past a day whose log holds only other jobs' lines, resumed and ended in a later
    /// log that was read before this one arrived. This log follows a run only while each log holds its lines, and the later
    /// log looks back only to the log before it, so each counted the run: once unfinished (a failure) here, once ended
    /// there, with the summary's "never reported their end" as the only sign. The later log keeps it, as when the logs
    /// arrive in order (this one is then read again once that one has its end, `findEnds`), and this one leaves it out.
    /// Looked for in every file of the format whose runs fall on the days such a run may end on, as far as a run is
    /// followed: the robot's own later logs, and a copy of them in another folder (an archive the same source matches).
    func countedLater(_ keys: RunKeyStream, parser: any LogParser, format: String, display: String, store: KoukaStore) throws -> [UInt64: CountedRun] {
        guard parser.runIdsSpanDatedLogs, !keys.unfinished.isEmpty else { return [:] }
        let days = keys.days.lowerBound...keys.days.upperBound.adding(days: UiPathExecutionLogParser.longestRunDays - 1)
        let unfinished = RunKeyStream(days: days) { body in for hash in keys.unfinished { try body(hash) } }
        return try store.runsCountedElsewhere(in: unfinished, format: format, otherThan: display, unfinishedAnyDay: false,
                                              where: { try stands($0, store: store) })
    }

    /// Notes in `ended` the robot's log of a day before that counted as unfinished runs whose end this file holds or
    /// leads to (`endsBefore`): the day before's, or the log of a start more than one midnight back. Read before this one
    /// (or a log between) was there, it is read again once this one is recorded. Runs no log before counts (the day
    /// before's left them to a later log, read first, that counts them) have the day before's log read again too, which
    /// now follows them through this one and takes them over.
    func findEnds(_ endsBefore: SharedRuns?, startedIn starts: RunStarts, in ended: inout RunsEndedHere, store: KoukaStore) throws {
        guard let endsBefore, readingAgainForEndedRuns < Self.endedRunsDepth else { return }
        for start in starts.files where start.unfinished > 0 {
            if try isReadableAsRecorded(start.path, store: store) {
                ended.endingHere[start.path, default: 0] += start.unfinished
            } else if file(at: start.path) == nil {
                // No longer among the sources: kept, as any run ended in a file that cannot be read again, and named every run.
                ended.keptBy[start.path, default: 0] += start.unfinished
            }
            // Among the sources with other bytes, it is read whole at its own turn, with this one there.
        }
        if starts.countedNowhere > 0, try isReadableAsRecorded(endsBefore.file, store: store) {
            ended.joinedHere[endsBefore.file, default: 0] += starts.countedNowhere
        }
    }

    /// Of the runs a file rejects that end in it (`rejected`: a line of theirs it could not read), those the robot's next log
    /// counts: lines copied from this file, counted there as runs of their own because it was read before this one was there.
    func findCopies(ofRejected rejected: [SharedRuns], in ended: inout RunsEndedHere, store: KoukaStore) throws {
        guard readingAgainForEndedRuns < Self.endedRunsDepth else { return }
        for later in rejected {
            guard let runs = try store.countedRuns(ofSourceAt: later.file) else { continue }
            let copies = Set(later.hashes).intersection(runs.all)
            // One whose bytes changed since is read whole at its own turn, with this one there.
            if !copies.isEmpty, try isReadableAsRecorded(later.file, store: store) {
                ended.copiesOfRejected[later.file, default: 0] += copies.count
            }
        }
    }

    /// Of the runs whose end a file holds (`endsBefore`), the logs of their starts that count them, nearest first (the log
    /// of a run's start is the earliest that holds its lines, and only it counts the run), with how many of them each
    /// counted unfinished; and how many no log before counts. Looked up once a file: `findEnds` judges them, and a report
    /// lists those logs with the file (`run_parts`).
    struct RunStarts {
        var files: [(path: String, unfinished: Int)] = []
        var countedNowhere = 0
    }

    static func runStarts(_ endsBefore: SharedRuns?, store: KoukaStore) throws -> RunStarts {
        guard let endsBefore else { return RunStarts() }
        var starts = RunStarts()
        var waiting = Set(endsBefore.hashes)
        for path in [endsBefore.file] + endsBefore.earlier where !waiting.isEmpty {
            guard let runs = try store.countedRuns(ofSourceAt: path) else { continue }
            let counted = waiting.intersection(runs.all)
            guard !counted.isEmpty else { continue }
            waiting.subtract(counted)
            starts.files.append((path, counted.intersection(runs.unfinished).count))
        }
        starts.countedNowhere = waiting.count
        return starts
    }

    /// What "runs counted before their end" are, in the reasons that name them.
    static let beforeTheirEnd = "before their end (runs counted as unfinished, or a chatbot's last questions in its export, whose answer or hand-off came later)"

    /// Once the file at `display` is recorded: reads again each file it took runs over from, and names those it could
    /// not take them from.
    func settle(_ ended: RunsEndedHere, endedIn display: String, store: KoukaStore, summary: inout NightlySummary) throws {
        try giveUpRunsHeldFurtherOn(ended, display: display, store: store, summary: &summary)
        try takeBackRunsHeldFurtherOn(ended, display: display, store: store, summary: &summary)
        for (path, runs) in ended.keptBy.sorted(by: { $0.key < $1.key }) {
            let reason = "\(runs) run(s) it counts \(Self.beforeTheirEnd) end in \(display), which leaves them out until this file can be read again: it is not at its path with the bytes it was read as. Put it back (from a backup if need be); each nightly run reads \(display) again and names this file until then"
            summary.unfinishedRunsEndedElsewhere.append(.init(path: path, reason: reason))
            logger.warning("runs counted before their end ended in another file, and the file that counts them cannot be read again",
                           metadata: ["file": "\(path)", "ended in": "\(display)", "runs": "\(runs)"])
        }
        var readAgain: [(path: String, reason: String)] = []
        for (path, runs) in ended.takenFrom {
            readAgain.append((path, "\(runs.count) run(s) it counted \(Self.beforeTheirEnd) end in \(display), which counts them now, as they ended: read again without them"))
            // Left out by name when read again: a copy of the robot's log in another folder dates an unfinished run by its
            // own lines, another day than this file dates it ended, and comparing the files whose days overlap would not
            // find it. (A later log of this robot's own that this one started runs of leaves them to its start's log itself.)
            for hash in runs { leavingOut[path, default: [:]][hash] = display }
        }
        for (path, runs) in ended.startedHere {
            readAgain.append((path, "\(runs) run(s) it counted start in \(display), the robot's log of a day before, which was not there when this one was read and counts them now: read again without them"))
        }
        for (path, runs) in ended.repeatedAfter {
            readAgain.append((path, "\(runs) run(s) it counted have job ids that ended in \(display), the robot's log of a day before, which was not there when this one was read and counts them now: read again with it, which rejects them as repeated ids"))
        }
        for (path, runs) in ended.endingHere {
            readAgain.append((path, "\(runs) run(s) it counted as unfinished go on in \(display), the robot's log of a later day that was not there when it was read, and end there or further on: read again with it"))
        }
        for (path, runs) in ended.copiesOfRejected {
            readAgain.append((path, "\(runs) run(s) it counted have the job ids of runs \(display), the robot's log of a day before, rejects (a line of theirs could not be read): a job id is one run, and lines copied from that log (a log shipper sending them again) are none of their own. Read again with it there, which rejects those whose first line is dated before its own day"))
        }
        for (path, runs) in ended.joinedHere {
            readAgain.append((path, "\(runs) run(s) whose lines it holds, counted by a later log read before, go on in \(display), the robot's log of the day after, which was not there when it was read: read again with it, it counts them"))
        }
        for (path, runs) in ended.leftOutWhileAway where ended.noLongerCountedHere[path] == nil {
            readAgain.append((path, "it left \(runs) run(s) out as counted in \(display) while that file was away (not at its path, so it could not be read again to give up one this file holds further on): \(display) is back, and this file is read again, which counts those it holds further on"))
        }
        for (path, runs) in ended.holdingPartsOfLost where ended.noLongerCountedHere[path] == nil {
            regainingRuns.insert(path)
            readAgain.append((path, "it holds lines of runs \(display) counted, which was read again and no longer counts \(runs) run(s): read again, it counts the runs it ends that no earlier log holds the start of"))
        }
        for (path, runs) in ended.noLongerCountedHere {
            regainingRuns.insert(path)
            readAgain.append((path, "it left \(runs) run(s) out as counted in \(display), which was read again and no longer counts some of them, or counts them before their end: read again, it counts those it holds, and those it holds further on"))
        }
        // Recorded now: the files read again below leave out the runs it counts.
        if !readAgain.isEmpty { recorded.insert(display) }
        for (path, reason) in readAgain.sorted(by: { $0.path < $1.path }) {
            guard let file = file(at: path) else { continue }
            summary.filesReadForEndedRuns.append(.init(path: path, reason: reason))
            logger.notice("source file is read again: runs it counted are ended or started in another file",
                          metadata: ["file": "\(path)", "other file": "\(display)", "reason": "\(reason)"])
            looksEarly(at: path)
            // Stated once, as read: not also as unchanged, at its turn before this or after.
            if marksReadForEndedRuns(path) { summary.filesUnchanged -= 1 }
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
            // Taken by that reading when it counted anything; dropped either way, so that no later reading of it inherits them.
            leavingOut[path] = nil
            // A reading of it prepared before this one (its own turn, in a batch read ahead; a robot's log read on from where
            // it stopped would add to what is read here) is out of date: dropped when its turn to be recorded comes. By
            // order, not by count: a file read again twice before its turn has one reading to drop, not two (counted, the
            // second mark dropped the reading that took a run over later, and the run counted in two files).
            recordedReadingAgain[path] = max(recordedReadingAgain[path] ?? 0, read.sequence)
        }
        try noteRunsNoLongerCounted(ended, display: display, takenBack: try takeBackRunsCountedNowhere(ended, display: display, store: store, summary: &summary),
                                    store: store)
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
        guard let latest = recordedReadingAgain[read.display] else { return false }
        return read.sequence < latest
    }

    /// Whether the counted file at `path` is among the sources, and holds the bytes its ledger line was read from (or
    /// those and more: a robot's log that grew since), so that reading it again gives what it counted, less the runs
    /// another file takes over, and what it gained since.
    func isReadableAsRecorded(_ path: String, store: KoukaStore) throws -> Bool {
        // A file marked gone that is back with its bytes can be read again.
        guard let file = file(at: path), let line = try store.source(path: path), line.status == .present || line.status == .gone, !line.sha256.isEmpty
        else { return false }
        looksEarly(at: path)
        // Or grew: the next day's log read at 02:00 while the robot still wrote it, the usual way a run past midnight is first seen.
        return SHA256.hexDigest(ofFile: file.path) == line.sha256 || line.onlyGrew(at: file.path)
    }
}
