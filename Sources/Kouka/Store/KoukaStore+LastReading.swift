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
    /// For every ledger line a recorded run wrote, when that run started (`job_runs.started_at`, UTC), by path.
    package func lastReadingStarts() throws -> [String: String] {
        var started: [String: String] = [:]
        try db.prepare("""
            SELECT s.path, j.started_at FROM source_files s JOIN job_runs j ON j.id = s.job_run_id
            """, reading: "job_runs").query { started[try $0.text(0)] = try $0.text(1) }
        return started
    }
}
