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
