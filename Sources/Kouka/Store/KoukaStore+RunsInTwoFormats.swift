extension KoukaStore {
    /// The runs that counted files (present or gone) of both `format` and `other` count, by the pair of files: each run
    /// id is hashed alike by every format (`RunKeyHash`), so a UiPath job read from a robot's log (its `jobId`) and from an
    /// Orchestrator export (its `Key`, the same id) has one hash in each. Pairs in the order of their paths.
    ///
    /// The few files of `format` (exports) are held in memory; the files of `other` (a robot's daily logs, tens of
    /// thousands) are read a chunk at a time, once.
    func runsCountedInBoth(_ format: String, and other: String) throws -> [(path: String, otherPath: String, runs: Int)] {
        var holder: [UInt64: String] = [:]
        let keysOf = try db.prepare("""
            SELECT s.path, k.hashes FROM source_files s CROSS JOIN run_keys k ON k.source_id = s.id
            WHERE s.format = ? AND s.status IN ('present', 'gone')
            """, reading: "run_keys")
        try keysOf.query([.text(format)]) { row in
            let path = try row.text(0)
            for hash in try row.hashes(1) where holder[hash] == nil { holder[hash] = path }
        }
        guard !holder.isEmpty else { return [] }
        var pairs: [Pair: Int] = [:]
        try keysOf.query([.text(other)]) { row in
            let hashes = try row.hashes(1)
            guard hashes.contains(where: { holder[$0] != nil }) else { return }
            let path = try row.text(0)
            for hash in hashes { if let first = holder[hash] { pairs[Pair(path: first, otherPath: path), default: 0] += 1 } }
        }
        return pairs.map { ($0.key.path, $0.key.otherPath, $0.value) }.sorted { ($0.path, $0.otherPath) < ($1.path, $1.otherPath) }
    }

    private struct Pair: Hashable {
        let path: String
        let otherPath: String
    }
}

extension KoukaStore {
    /// The days and names of the RPA rollups in items that the counted files (present or gone) of `format` hold: a robot's
    /// queue transactions, or an export's queue items, by the name the log gives (a process, a queue).
    func rpaItemDays(ofFormat format: String) throws -> [(day: LocalDate, name: String)] {
        var found: [(LocalDate, String)] = []
        try db.prepare("""
            SELECT DISTINCT r.day, r.task_name FROM source_files s CROSS JOIN rollups r ON r.source_id = s.id
            WHERE s.format = ? AND s.status IN ('present', 'gone') AND r.family = 'rpa' AND r.unit = 'items'
            """, reading: "rollups").query([.text(format)]) { row in
            found.append((try row.date(0), try row.text(1)))
        }
        return found
    }
}
