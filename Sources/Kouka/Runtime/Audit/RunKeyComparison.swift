
/// Every file read again: the run ids the store keeps for it (`run_keys`, `run_key_sets`), with which a later file
/// holding the same runs leaves them out, against those a fresh reading gives. Removed or changed behind Kouka's
/// back they change no figure yet, and the rollups agree: the next overlapping export counts its runs twice.
///
/// Only files whose run-key digests differ are loaded. As for rollups (`RollupComparison`), a run two files hold is
/// kept by the file read first, and the store's "first" is the order the files arrived in: the run ids of differing
/// files are compared as a group, so that a run kept by another file of the group is no difference. The group's
/// days cannot be compared so (each file's follow the runs it kept): each differing file's row must give the days
/// of its own rollups, which the rollup comparison checks against the logs.
enum RunKeyComparison {
    /// A file's run-key set as the store holds it and as the logs give it.
    struct File {
        var path: String
        var stored: (row: RunKeySetRow?, hashes: [UInt64], inKoukasLayout: Bool)
        /// The first and last day of the file's rollups in the store; nil when it has none.
        var storedRollupDays: ClosedRange<LocalDate>?
        var expected: (row: RunKeySetRow?, hashes: [UInt64])
        /// The runs counted as unfinished, in the store and as the logs give them.
        var storedUnfinished: [UInt64] = []
        var expectedUnfinished: [UInt64] = []
        /// Of those, the questions no answer followed yet, in the store and as the logs give them.
        var storedUnanswered: [UInt64] = []
        var expectedUnanswered: [UInt64] = []
        /// Read before Kouka kept which runs a file counted unfinished (or which questions unanswered), and marked by the
        /// upgrade to be read whole by the next nightly run (its ledger line has no change time): they are not known yet,
        /// not removed.
        var awaitsReadingAgain = false
    }

    /// The paths whose run-key sets may differ: of those the store counts and that were read again (`readable`), and
    /// those the logs count that the store does not take as stored (`takenAsStored`), the ones whose digests are not
    /// the same (none on both sides is the same: a file of a format without run ids). By path, the ids of each side.
    static func filesToCompare(stored: [SourceFileRecord], storedDigests: [Int64: String], readable: Set<String>, takenAsStored: Set<String>,
                               replayed: [SourceFileRecord], replayedDigests: [Int64: String]) -> [(path: String, stored: Int64?, replayed: Int64?)] {
        let counted: (SourceFileRecord) -> Bool = { $0.status == .present || $0.status == .gone }
        let storedIDs = Dictionary(stored.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        let replayedIDs = Dictionary(replayed.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        let paths = Set(stored.filter { counted($0) && readable.contains($0.path) }.map(\.path))
            .union(replayed.filter { counted($0) && !takenAsStored.contains($0.path) }.map(\.path))
        return paths.sorted().compactMap { path in
            let s = storedIDs[path], r = replayedIDs[path]
            return s.flatMap { storedDigests[$0] } == r.flatMap { replayedDigests[$0] } ? nil : (path, s, r)
        }
    }

    /// A difference for each file whose run ids or days are not what the logs give, once their group is allowed its
    /// own order; `files` are those `filesToCompare` found.
    static func differences(_ files: [File]) -> [VerifySummary.Difference] {
        let storedAll = Set(files.flatMap(\.stored.hashes)), expectedAll = Set(files.flatMap(\.expected.hashes))
        // Each mark's ids over the group, as the run ids are: a run the group keeps marked in another file is no difference.
        let marks = Mark.all.map { mark in
            (mark, stored: Set(files.flatMap { $0[keyPath: mark.stored] }), expected: Set(files.flatMap { $0[keyPath: mark.expected] }))
        }
        var differences: [VerifySummary.Difference] = []
        for file in files {
            var problems: [String] = []
            let extra = file.stored.hashes.count { !expectedAll.contains($0) }
            if extra > 0 { problems.append("it holds \(extra) run ids the logs do not give") }
            let missing = file.expected.hashes.count { !storedAll.contains($0) }
            if missing > 0 { problems.append("\(missing) run ids the logs give are missing") }
            if !file.stored.inKoukasLayout { problems.append("its chunks of run ids are not as Kouka writes them") }
            for (mark, markedInStore, markedByLogs) in marks {
                let stored = file[keyPath: mark.stored], expected = file[keyPath: mark.expected]
                let extra = stored.count { !markedByLogs.contains($0) }
                if extra > 0 { problems.append("it marks \(extra) \(mark.ids) \(mark.name) that the logs give \(mark.otherwise) or not at all") }
                let missing = expected.count { !markedInStore.contains($0) }
                if missing > 0, file.awaitsReadingAgain, stored.isEmpty {
                    differences.append(.init(kind: "unverifiable", subject: file.path, field: "run_key_sets.\(mark.name)", found: "none", foundIn: "store",
                                             expected: "\(missing) \(mark.ids)", detail: "the store was written before Kouka kept which \(mark.kept): run kouka-nightly once, which reads this file again and records them"))
                } else if missing > 0 {
                    problems.append("\(missing) \(mark.ids) the logs give \(mark.name) are not marked so")
                }
            }
            if let problem = rowProblem(file) { problems.append(problem) }
            if !problems.isEmpty { differences.append(difference(file, problems)) }
        }
        // The same run ids, but kept by two files of the group, or twice by one.
        let storedCount = files.reduce(0) { $0 + $1.stored.hashes.count }, expectedCount = files.reduce(0) { $0 + $1.expected.hashes.count }
        if differences.isEmpty, storedCount != expectedCount {
            differences = files.map { difference($0, ["the group of files whose run ids differ keeps \(storedCount) where the logs give \(expectedCount)"]) }
        }
        return differences
    }

    /// A set of run ids a file's row of `run_key_sets` marks, which decides whether a later file takes a run over.
    private struct Mark {
        var name: String
        var ids: String
        var otherwise: String
        var kept: String
        var stored: KeyPath<File, [UInt64]>
        var expected: KeyPath<File, [UInt64]>

        static var all: [Mark] { [
            Mark(name: "unfinished", ids: "run ids", otherwise: "ended", kept: "runs a file counted unfinished",
                 stored: \.storedUnfinished, expected: \.expectedUnfinished),
            Mark(name: "unanswered", ids: "questions", otherwise: "answered", kept: "of a chatbot's last questions were not answered yet",
                 stored: \.storedUnanswered, expected: \.expectedUnanswered),
        ] }
    }

    /// What is wrong with a file's row of `run_key_sets`: Kouka writes one, for a file of a format with run ids, exactly
    /// when the file has rollups, with their first and last day.
    private static func rowProblem(_ file: File) -> String? {
        let hasRunIDs = file.stored.row != nil || !file.stored.hashes.isEmpty || file.expected.row != nil
        guard hasRunIDs else { return nil }
        let row = file.storedRollupDays.map(RunKeySetRow.init(days:))
        guard file.stored.row != row else { return nil }
        return switch (file.stored.row, row) {
        case (nil, _?): "its row of run_key_sets is missing"
        case (_?, nil): "it has a row of run_key_sets but no rollups"
        default: "its row of run_key_sets says \(file.stored.row!) where its rollups give \(row!)"
        }
    }

    private static func difference(_ file: File, _ problems: [String]) -> VerifySummary.Difference {
        let since = file.expected.row?.firstDay ?? file.storedRollupDays?.lowerBound.description ?? "<a day on or before the file's first>"
        return .init(kind: "run-keys", subject: file.path, field: "run_keys, run_key_sets", found: describe(file.stored.row, file.stored.hashes.count),
                     expected: describe(file.expected.row, file.expected.hashes.count),
                     detail: "the run ids the store keeps for this file, to count each of its runs once, are not those its reading gives (\(problems.joined(separator: "; "))): they were changed behind Kouka's back, and an export that overlaps it would count its runs again. Run kouka-nightly --since \(since) to read it again, or restore the store from a backup")
    }

    private static func describe(_ row: RunKeySetRow?, _ count: Int) -> String {
        "\(count) run ids, " + (row.map(\.description) ?? "no row of run_key_sets")
    }
}

extension RunKeyComparison {
    /// The run-key differences between the store being verified and the logs read again into `replay`: each store's
    /// digests in one pass, then only the files whose digests differ loaded. `rollups` are the store's by line id;
    /// `standing` is what the ledger check concluded of each counted file (those taken as stored were not read again).
    static func differences(store: KoukaStore, ledger: [SourceFileRecord], digests: [Int64: String], rollups: [Int64: [DailyRollup]],
                            standing: [String: LedgerCheck.Standing], replay: KoukaStore, replayedLedger: [SourceFileRecord]) throws -> [VerifySummary.Difference] {
        var readable = Set<String>(), takenAsStored = Set<String>()
        for (path, standing) in standing {
            if case .readable = standing { readable.insert(path) } else { takenAsStored.insert(path) }
        }
        let compared = filesToCompare(stored: ledger, storedDigests: digests, readable: readable, takenAsStored: takenAsStored,
                                      replayed: replayedLedger, replayedDigests: try replay.runKeyDigests())
        guard !compared.isEmpty else { return [] }
        let changedAt = Dictionary(ledger.map { ($0.id, $0.changedAt) }, uniquingKeysWith: { first, _ in first })
        return differences(try compared.map { path, storedID, replayedID in
            let expected = try replayedID.map { try replay.runKeySet(ofSource: $0) }
            let stored = try storedID.map { try store.runKeySet(ofSource: $0) }
            let awaits = storedID.flatMap { changedAt[$0] } == 0
            return File(path: path, stored: stored.map { ($0.row, $0.hashes, $0.inKoukasLayout) } ?? (nil, [], true),
                        storedRollupDays: days(of: storedID.flatMap { rollups[$0] } ?? []), expected: (expected?.row, expected?.hashes ?? []),
                        storedUnfinished: stored?.unfinished ?? [], expectedUnfinished: expected?.unfinished ?? [],
                        storedUnanswered: stored?.unanswered ?? [], expectedUnanswered: expected?.unanswered ?? [], awaitsReadingAgain: awaits)
        })
    }

    /// The first and last day of `rollups`; nil when there are none.
    private static func days(of rollups: [DailyRollup]) -> ClosedRange<LocalDate>? {
        guard let first = rollups.lazy.map(\.key.date).min(), let last = rollups.lazy.map(\.key.date).max() else { return nil }
        return first...last
    }
}
