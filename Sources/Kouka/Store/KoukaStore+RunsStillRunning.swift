extension KoukaStore {
    /// The runs still running, dated from `from` through `to`, that files among the sources held when last read, by path: an
    /// export's runs kept waiting (`RunRollupRole.waiting`), by their day; a robot's daily log's runs open at its end, by the
    /// day its name gives.
    package func runsStillRunning(from: LocalDate, to: LocalDate) throws -> [String: Int] {
        var runs: [String: Int] = [:]
        try db.prepare("""
            SELECT s.path, COUNT(*) FROM run_rollups r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.counted = \(RunRollupRole.waiting.rawValue) AND s.status = 'present' AND r.day BETWEEN ? AND ? GROUP BY s.path
            """, reading: "run_rollups").query([.text(from.description), .text(to.description)]) { s in
            runs[try s.text(0)] = Int(try s.int(1))
        }
        try db.prepare("SELECT path, pending_runs FROM source_files WHERE status = 'present' AND pending_runs > 0", reading: "source_files").query { s in
            let path = try s.text(0)
            guard runs[path] == nil, let day = DatedLogName(path)?.date, day >= from, day <= to else { return }
            runs[path] = Int(try s.int(1))
        }
        return runs
    }
}
