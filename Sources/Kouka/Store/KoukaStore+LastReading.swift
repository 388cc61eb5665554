extension KoukaStore {
    /// When the job run that last wrote the ledger line of `path` started (`job_runs.started_at`, UTC); nil for a line no
    /// recorded run wrote (a store from before Kouka kept it).
    func lastReadingStart(ofSourceAt path: String) throws -> String? {
        var started: String?
        try db.prepare("""
            SELECT j.started_at FROM source_files s JOIN job_runs j ON j.id = s.job_run_id WHERE s.path = ?
            """, reading: "job_runs").query([.text(path)]) { started = try $0.text(0) }
        return started
    }
}

extension KoukaStore {
    /// For every ledger line a recorded run wrote, when that run started, by path: its instant to the store's precision
    /// (`started_instant`, since 0.5.0), else its `started_at` text in whole seconds.
    package func lastReadingStarts() throws -> [String: (text: String, instant: Double?)] {
        var started: [String: (text: String, instant: Double?)] = [:]
        try db.prepare("""
            SELECT s.path, j.started_at, j.started_instant FROM source_files s JOIN job_runs j ON j.id = s.job_run_id
            """, reading: "job_runs").query { started[try $0.text(0)] = (try $0.text(1), $0.isNull(2) ? nil : try $0.double(2)) }
        return started
    }
}
