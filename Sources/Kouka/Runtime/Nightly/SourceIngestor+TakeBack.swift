/// A file that cannot be read again (deleted from the sources) changes its count of a run as it would have, had it been
/// read after the file recorded now, from what it kept of the run (`RunRollup`):
/// - it counts a run it left out because another file counted it, when that file no longer does and no other file counts
///   it (before, the run counted nowhere, named once with exit 1 and never again); done once the files that can be read
///   again for those runs were (`settle`);
/// - it gives up a run it counted before its end (unfinished, or a chatbot's last question) that the file recorded now
///   holds further on (before, the deleted export's outcome stood: for a question, the night it happened exited 1 for the
///   repeat and every night after 0; for a robot's run, every night named the deleted export, exit 1, until put back).
/// Both in the same transaction as the file recorded.
extension SourceIngestor {
    /// Has the files that cannot be read again take back, of the runs the file of `display` no longer counts (`ended`),
    /// those no file counts now and one of them left out with what it would have counted (`RunRollup`): the first
    /// recorded of them counts each. Returns the runs taken back; names each file that took some in the summary.
    func takeBackRunsCountedNowhere(_ ended: RunsEndedHere, display: String, store: KoukaStore, summary: inout NightlySummary) throws -> Set<UInt64> {
        guard let (format, lost, days) = ended.noLongerCounted else { return [] }
        let nowhere = try runsCountedNowhere(lost, format: format, days: days, display: display, store: store)
        guard !nowhere.isEmpty else { return [] }
        var byFile: [Int64: (path: String, runs: [RunRollup])] = [:]
        for found in try store.leftOutRuns(nowhere, format: format).values {
            // Among the sources, a file is read at its turn (or was, for these runs): only one that cannot be takes a run back.
            // Of those, the row holding the run furthest on (ended before unfinished, an answer before none), as a reading of
            // them all would count it; then the file recorded first, and its first such row.
            guard let best = KoukaStore.furthestOn(found.lazy.filter { self.file(at: $0.path) == nil }) else { continue }
            byFile[best.source, default: (best.path, [])].runs.append(best.run)
        }
        var taken = Set<UInt64>()
        for (id, file) in byFile.sorted(by: { $0.key < $1.key }) {
            // A file whose rows in the store are not those its digests were recorded for (changed outside Kouka) takes nothing:
            // its digests would be recorded anew over the change.
            guard try isUnchangedInStore(id, path: file.path, store: store, summary: &summary) else { continue }
            try store.takeBack(file.runs.sorted { $0.line < $1.line }, into: id)
            taken.formUnion(file.runs.map(\.hash))
            var perDay: [LocalDate: Int] = [:]
            for run in file.runs where !run.key.cumulative { perDay[run.key.date, default: 0] += run.totals.events }
            gain(perDay, format: format)
            summary.runsTakenBack.append(.init(path: file.path, reason: Self.takenBackReason(file.runs.count, from: display)))
            logger.notice("a file that cannot be read again counts runs it left out for a file that no longer counts them",
                          metadata: ["file": "\(file.path)", "from": "\(display)", "runs": "\(file.runs.count)"])
        }
        return taken
    }

    /// Of `lost`, the runs no file of `format` but `display` counts now, nor `display` itself, ascending.
    func runsCountedNowhere(_ lost: Set<UInt64>, format: String, days: ClosedRange<LocalDate>, display: String, store: KoukaStore) throws -> [UInt64] {
        let hashes = lost.sorted()
        // A run another file counts may be dated otherwise there (a robot's run by its start, or by its own lines in a
        // later log): the files of the days around, as far as a run goes on.
        let margin = UiPathExecutionLogParser.longestRunDays
        let around = days.lowerBound.adding(days: -margin)...days.upperBound.adding(days: margin)
        let countedNow = try store.runsCountedElsewhere(in: RunKeyStream(days: around) { body in for hash in hashes { try body(hash) } },
                                                        format: format, otherThan: display)
        // Nor those it counts again itself (read again later this run with them).
        let own = try store.countedRuns(ofSourceAt: display)?.all ?? []
        return hashes.filter { countedNow[$0] == nil && !own.contains($0) }
    }

    /// What the summary says of a file that cannot be read again and took runs back.
    static func takenBackReason(_ runs: Int, from display: String) -> String {
        "not among the sources (deleted), it left \(runs) run(s) out as counted in \(display), which was read again and no longer counts them, nor does any other file: it counts them now, as it would have (kept with it when it was read); `kouka-audit rejects` no longer lists them"
    }

    /// Has each deleted file of `ended.givenUpBy` give up the runs the file of `display`, recorded now, holds further on and
    /// counts; names each in the summary.
    func giveUpRunsHeldFurtherOn(_ ended: RunsEndedHere, display: String, store: KoukaStore, summary: inout NightlySummary) throws {
        for (path, reason) in ended.changedInStore.sorted(by: { $0.key < $1.key }) where !summary.filesEditedInStore.contains(where: { $0.path == path }) {
            summary.filesEditedInStore.append(.init(path: path, reason: reason))
        }
        for (path, runs) in ended.givenUpBy.sorted(by: { $0.key < $1.key }) {
            guard let line = try store.source(path: path) else {
                throw InputError.cannotRead(path: display, reason: "the ledger line of \(path), which holds runs of it further on, is gone from the store during the run; run kouka-nightly again")
            }
            try store.giveUp(runs.sorted { $0.line < $1.line }, from: line.id, path: path, countedIn: display)
            summary.runsGivenUp.append(.init(path: path, reason: Self.givenUpReason(runs.count, to: display)))
            logger.notice("a file that cannot be read again gives up runs it counted before their end to a file holding them further on",
                          metadata: ["file": "\(path)", "to": "\(display)", "runs": "\(runs.count)"])
        }
    }

    /// What the summary says of a file that cannot be read again and gave runs up.
    static func givenUpReason(_ runs: Int, to display: String) -> String {
        "not among the sources (deleted), it counted \(runs) run(s) before their end (unfinished, or a chatbot's last question in its export) that \(display) holds further on (ended, answered, or followed by what came next): \(display) counts them now, as they went on, and this file's count of them was taken off (kept with it when it was read); `kouka-audit rejects` lists them under this file as repeats"
    }

    /// Whether the rows of the file of ledger line `id` (not among the sources) are those its digests were recorded for,
    /// so that it may take a run back or give one up; when not (changed outside Kouka, or its rollup digest removed), it is
    /// named under `filesEditedInStore` (exit 1), and neither is done: recording its digests anew would hide the change.
    func isUnchangedInStore(_ id: Int64, path: String, store: KoukaStore, summary: inout NightlySummary) throws -> Bool {
        guard let reason = try Self.changedInStore(id, store: store) else { return true }
        if !summary.filesEditedInStore.contains(where: { $0.path == path }) { summary.filesEditedInStore.append(.init(path: path, reason: reason)) }
        logger.error("a deleted file's rows in the store were changed outside Kouka: it neither takes back nor gives up runs",
                     metadata: ["file": "\(path)"])
        return false
    }

    /// Why the rows of the file of ledger line `id`, which cannot be read again, cannot be trusted to change its count of a
    /// run; nil when they are those its digests were recorded for.
    static func changedInStore(_ id: Int64, store: KoukaStore) throws -> String? {
        let what = try store.recordedRollupDigest(ofSource: id) == nil ? "rollup digest was removed" : try editedInStore(id, store: store).map { "\($0) are not those recorded when it was read" }
        return what.map { "not among the sources (deleted), its \($0) (changed outside Kouka): it can neither take back a run it left out nor give up one it counted before its end, and its count stands as the store holds it. Restore the store from a backup, or run kouka-audit verify to see the change" }
    }

    /// Notes in `ended` the runs the reading of a file holds before their end (`keys.unfinished`) that no other file counts
    /// and that a deleted file left out holding them further on (ended, or answered): that file counts them, as a reading
    /// of both would, and this one leaves them out. Such a run was counted before in this file, which held it further on
    /// then and is saved over with a copy from before the run's end. Whether any was found (the file is read again so).
    func findRunsHeldFurtherOnByDeletedFiles(_ keys: RunKeyStream, format: String, in ended: inout RunsEndedHere, store: KoukaStore) throws -> Bool {
        let unfinished = Set(keys.unfinished), unanswered = Set(keys.unanswered)
        let open = keys.unfinished.filter { ended.leftOut[$0] == nil }
        guard !open.isEmpty else { return false }
        var found = false
        for (hash, rows) in try store.leftOutRuns(open, format: format) {
            let here = CountedRun.stage(of: hash, unfinished: unfinished, unanswered: unanswered)
            var further: [KoukaStore.LeftOutRunFound] = []
            for row in rows where file(at: row.path) == nil && row.run.stage > here {
                if try isUnchangedInStore(row.source, path: row.path, in: &ended, store: store) { further.append(row) }
            }
            guard let best = KoukaStore.furthestOn(further) else { continue }
            ended.leftOut[hash] = best.path
            ended.heldFurtherOnBy[best.path, default: []].append(best.run)
            found = true
        }
        return found
    }

    /// Has each deleted file of `ended.heldFurtherOnBy` count the runs it holds further on than the file of `display`,
    /// recorded now without them; names each in the summary.
    func takeBackRunsHeldFurtherOn(_ ended: RunsEndedHere, display: String, store: KoukaStore, summary: inout NightlySummary) throws {
        for (path, runs) in ended.heldFurtherOnBy.sorted(by: { $0.key < $1.key }) {
            // Found unchanged in the store as this file was read (`findRunsHeldFurtherOnByDeletedFiles`), in this transaction.
            guard let line = try store.source(path: path) else {
                throw InputError.cannotRead(path: display, reason: "the ledger line of \(path), which holds runs of it further on, is gone from the store during the run; run kouka-nightly again")
            }
            try store.takeBack(runs.sorted { $0.line < $1.line }, into: line.id)
            summary.runsTakenBack.append(.init(path: path, reason: "not among the sources (deleted), it left \(runs.count) run(s) out as counted elsewhere that \(display), read again, holds before their end, where this file holds them further on (ended, or answered): it counts them now, as it held them (kept with it when it was read), and \(display) leaves them out"))
            logger.notice("a file that cannot be read again counts runs it holds further on than the file read now",
                          metadata: ["file": "\(path)", "from": "\(display)", "runs": "\(runs.count)"])
        }
    }
}
