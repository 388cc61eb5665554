
/// What verification compares of each file's run ids (`run_key_sets`, `run_keys`): removed or changed behind
/// Kouka's back, they leave a later file that holds the same runs to count them a second time.
extension KoukaStore {
    /// The SHA-256 of every file's run-key set, by ledger line id: its row of `run_key_sets` (or that it has none),
    /// then each chunk of `run_keys` with its number. Two passes in the tables' key order for a whole store, whatever
    /// its number of files; a file with neither a row nor a chunk has no digest. Chunks are hashed as stored, so the
    /// same run ids in another layout (renumbered, split) differ, as `runsCounted` would read them otherwise.
    func runKeyDigests() throws -> [Int64: String] {
        var rows: [Int64: (row: RunKeySetRow, unfinished: [UInt64]?, unanswered: [UInt64]?, first: [UInt64]?, last: [UInt64]?)] = [:]
        try db.prepare("SELECT source_id, first_day, last_day, span_class, unfinished, unanswered, first_day_runs, last_day_runs FROM run_key_sets",
                       reading: "run_key_sets").query { s in
            rows[try s.int(0)] = (RunKeySetRow(firstDay: try s.text(1), lastDay: try s.text(2), spanClass: try s.int(3)),
                                  s.isNull(4) ? nil : try s.hashes(4), s.isNull(5) ? nil : try s.hashes(5), s.isNull(6) ? nil : try s.hashes(6),
                                  s.isNull(7) ? nil : try s.hashes(7))
        }
        var digests: [Int64: String] = [:]
        var current: (id: Int64, digest: RunKeySetDigest)? = nil
        func start(_ id: Int64) -> RunKeySetDigest {
            let stored = rows.removeValue(forKey: id)
            return RunKeySetDigest(row: stored?.row, unfinished: stored?.unfinished, unanswered: stored?.unanswered, firstDayRuns: stored?.first,
                                   lastDayRuns: stored?.last)
        }
        try db.prepare("SELECT source_id, chunk, hashes FROM run_keys ORDER BY source_id, chunk", reading: "run_keys").query { s in
            let id = try s.int(0)
            if current?.id != id {
                if let done = current { digests[done.id] = done.digest.finish() }
                current = (id, start(id))
            }
            current!.digest.add(chunk: try s.int(1), try s.hashes(2))
        }
        if let done = current { digests[done.id] = done.digest.finish() }
        // The files with a row and no chunk.
        for id in Array(rows.keys) { digests[id] = start(id).finish() }
        return digests
    }

    /// The SHA-256 of one file's run-key set as the store holds it now (`runKeyDigests()` for one file); nil when it has
    /// neither a row nor a chunk.
    func runKeyDigest(ofSource id: Int64) throws -> String? {
        var row: (row: RunKeySetRow, unfinished: [UInt64]?, unanswered: [UInt64]?, first: [UInt64]?, last: [UInt64]?)?
        try db.prepare("""
            SELECT first_day, last_day, span_class, unfinished, unanswered, first_day_runs, last_day_runs FROM run_key_sets WHERE source_id = ?
            """, reading: "run_key_sets").query([.integer(id)]) { s in
                row = (RunKeySetRow(firstDay: try s.text(0), lastDay: try s.text(1), spanClass: try s.int(2)), s.isNull(3) ? nil : try s.hashes(3),
                       s.isNull(4) ? nil : try s.hashes(4), s.isNull(5) ? nil : try s.hashes(5), s.isNull(6) ? nil : try s.hashes(6))
            }
        var digest = RunKeySetDigest(row: row?.row, unfinished: row?.unfinished, unanswered: row?.unanswered, firstDayRuns: row?.first,
                                     lastDayRuns: row?.last)
        var chunks = 0
        try db.prepare("SELECT chunk, hashes FROM run_keys WHERE source_id = ? ORDER BY chunk", reading: "run_keys").query([.integer(id)]) { s in
            digest.add(chunk: try s.int(0), try s.hashes(1))
            chunks += 1
        }
        return row == nil && chunks == 0 ? nil : digest.finish()
    }

    /// A file's run-key set as stored: its row (nil when it has none), its run ids in the order of their chunks, and
    /// whether the chunks are as Kouka writes them (numbered from 0, full but for the last, the ids ascending and
    /// distinct), the layout `runsCounted` reads them by; the ids of the runs it counted as unfinished, and of those the
    /// questions no answer followed yet; and the runs of its first and last days, where it keeps them (`RunDayEdges`).
    func runKeySet(ofSource id: Int64) throws -> (row: RunKeySetRow?, hashes: [UInt64], inKoukasLayout: Bool, unfinished: [UInt64], unanswered: [UInt64],
                                                  firstDayRuns: [UInt64]?, lastDayRuns: [UInt64]?) {
        var row: RunKeySetRow?
        var unfinished: [UInt64] = []
        var unanswered: [UInt64] = []
        var firstDayRuns: [UInt64]?, lastDayRuns: [UInt64]?
        try db.prepare("""
            SELECT first_day, last_day, span_class, unfinished, unanswered, first_day_runs, last_day_runs FROM run_key_sets WHERE source_id = ?
            """, reading: "run_key_sets").query([.integer(id)]) { s in
                row = RunKeySetRow(firstDay: try s.text(0), lastDay: try s.text(1), spanClass: try s.int(2))
                if !s.isNull(3) { unfinished = try s.hashes(3) }
                if !s.isNull(4) { unanswered = try s.hashes(4) }
                if !s.isNull(5) { firstDayRuns = try s.hashes(5) }
                if !s.isNull(6) { lastDayRuns = try s.hashes(6) }
            }
        var hashes: [UInt64] = []
        var inLayout = true
        var expected: Int64 = 0
        try db.prepare("SELECT chunk, hashes FROM run_keys WHERE source_id = ? ORDER BY chunk", reading: "run_keys").query([.integer(id)]) { s in
            let chunk = try s.hashes(1)
            // A chunk after one that is not full is never read.
            if try s.int(0) != expected || hashes.count != Int(expected) * Self.runKeyChunk || chunk.isEmpty || chunk.count > Self.runKeyChunk {
                inLayout = false
            }
            expected += 1
            hashes += chunk
        }
        if zip(hashes, hashes.dropFirst()).contains(where: { $0 >= $1 }) { inLayout = false }
        return (row, hashes, inLayout, unfinished, unanswered, firstDayRuns, lastDayRuns)
    }
}
