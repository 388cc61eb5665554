/// The runs deleted files kept as still running when they were read (`RunRollupRole.waiting`): each night, a run a file
/// Kouka reads now holds is let go (that file counts it, or will), and one none holds counts as unfinished in the deleted
/// file once it is past the allowed age, as the file would have counted it had it stayed.
extension KoukaStore {
    /// The runs a deleted file keeps as still running, with its ledger id, path and format.
    package struct WaitingRunsOfFile: Sendable {
        package var source: Int64
        package var path: String
        package var format: String
        package var runs: [RunRollup]
    }

    /// The runs files no longer among the sources (`gone`) keep as still running, by file in the order the ledger first
    /// recorded them, each file's in line order.
    package func waitingRunsOfGoneFiles() throws -> [WaitingRunsOfFile] {
        var files: [WaitingRunsOfFile] = []
        try db.prepare("""
            SELECT s.id, s.path, s.format, r.run_hash, \(Self.runRollupColumns("r")) FROM run_rollups r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.counted = \(RunRollupRole.waiting.rawValue) AND s.status = 'gone' ORDER BY s.id, r.line, r.run_hash
            """, reading: "run_rollups").query { s in
            let id = try s.int(0)
            let run = try runRollup(s, from: 4, hash: UInt64(bitPattern: try s.int(3)))
            if files.last?.source == id { files[files.count - 1].runs.append(run) } else {
                files.append(WaitingRunsOfFile(source: id, path: try s.text(1), format: try s.text(2), runs: [run]))
            }
        }
        return files
    }

    /// Whether a file of `format` other than that of ledger line `id`, with a status of `statuses`, keeps run `hash` as still
    /// running: a file among the sources counts the run itself once it ends or is past the allowed age; a deleted one, once
    /// it is past the allowed age.
    package func isWaiting(_ hash: UInt64, format: String, inFileOtherThan id: Int64, status statuses: Set<SourceFileRecord.Status>) throws -> Bool {
        var found = false
        let among = statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        try db.prepare("""
            SELECT 1 FROM run_rollups r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.run_hash = ? AND r.counted = \(RunRollupRole.waiting.rawValue) AND s.format = ? AND s.status IN (\(among)) AND s.id <> ? LIMIT 1
            """, reading: "run_rollups").query([.integer(Int64(bitPattern: hash)), .text(format), .integer(id)]) { _ in found = true }
        return found
    }

    /// The runs the file of ledger line `id` keeps as still running, in line order.
    package func waitingRuns(ofSource id: Int64) throws -> [RunRollup] {
        var runs: [RunRollup] = []
        try db.prepare("""
            SELECT r.run_hash, \(Self.runRollupColumns("r")) FROM run_rollups r WHERE r.source_id = ? AND r.counted = \(RunRollupRole.waiting.rawValue)
            ORDER BY r.line, r.run_hash
            """, reading: "run_rollups").query([.integer(id)]) { s in
            runs.append(try runRollup(s, from: 1, hash: UInt64(bitPattern: try s.int(0))))
        }
        return runs
    }

    /// Has the deleted file of ledger line `id` let go of the runs `hashes` it kept as still running (every row of each: an
    /// export appended to another holds a run twice), which another file holds now, or it counts already: no longer among its
    /// pending runs; its digests recorded anew; in one transaction.
    package func letGoOfWaitingRuns(_ hashes: [UInt64], from id: Int64) throws {
        guard !hashes.isEmpty else { return }
        try db.transaction {
            let forget = try db.prepare("DELETE FROM run_rollups WHERE source_id = ? AND counted = \(RunRollupRole.waiting.rawValue) AND run_hash = ?")
            var rows = 0
            for hash in Set(hashes) {
                try forget.run([.integer(id), .integer(Int64(bitPattern: hash))])
                rows += db.changes
            }
            try lowerPendingRuns(of: id, by: rows)
            try recordRollupDigest(ofSource: id)
        }
    }

    /// Has the deleted file of ledger line `id` count `runs` it kept as still running, now past the allowed age and held by
    /// no file Kouka reads, as unfinished, as it would have had it stayed among the sources: their rollups added to its own,
    /// their ids to its run-key set (unfinished, so that an export holding one ended later takes it over), each kept as counted
    /// before its end; no longer among its pending runs; its digests recorded anew; in one transaction.
    package func countWaitingRuns(_ runs: [RunRollup], into id: Int64) throws {
        guard !runs.isEmpty else { return }
        try db.transaction {
            let runKeysDigest = try addCountedRuns(runs, to: id)
            // One row: the records of a compact JSON file share a line, and a run may stand twice on it.
            let counted = try db.prepare("""
                UPDATE run_rollups SET counted = \(RunRollupRole.countedOpen.rawValue) WHERE rowid = (
                SELECT rowid FROM run_rollups WHERE source_id = ? AND counted = \(RunRollupRole.waiting.rawValue) AND line = ? AND run_hash = ? LIMIT 1)
                """)
            for run in runs {
                try counted.run([.integer(id), .integer(Int64(run.line)), .integer(Int64(bitPattern: run.hash))])
                guard db.changes == 1 else {
                    throw StoreError.schemaMismatch(path: self.path, table: "run_rollups", problem: "a file's run still running on line \(run.line) is kept \(db.changes) times")
                }
            }
            try lowerPendingRuns(of: id, by: runs.count)
            try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
        }
    }

    /// `countWaitingRuns(counting, into: id)` and `letGoOfWaitingRuns(lettingGo, from: id)` in one transaction.
    package func settleWaitingRuns(of id: Int64, counting: [RunRollup], lettingGo: [UInt64]) throws {
        guard !counting.isEmpty || !lettingGo.isEmpty else { return }
        try db.transaction {
            try countWaitingRuns(counting, into: id)
            try letGoOfWaitingRuns(lettingGo, from: id)
        }
    }

    /// The runs the file of ledger line `id` counts, or leaves out as counted in another file: a run it keeps still running
    /// besides (rows of one run before and after its end) is one of these, not one to count again.
    package func runsHeld(bySource id: Int64) throws -> Set<UInt64> {
        var held = try countedRuns(ofSource: id).all
        try db.prepare("SELECT run_hash FROM run_rollups WHERE source_id = ? AND counted IN (\(RunRollupRole.leftOut.rawValue), \(RunRollupRole.countedOpen.rawValue))",
                       reading: "run_rollups").query([.integer(id)]) { held.insert(UInt64(bitPattern: try $0.int(0))) }
        return held
    }

    private func lowerPendingRuns(of id: Int64, by runs: Int) throws {
        try db.prepare("UPDATE source_files SET pending_runs = max(pending_runs - ?, 0) WHERE id = ?").run([.integer(Int64(runs)), .integer(id)])
    }
}
