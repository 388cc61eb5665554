/// What a nightly run found lost as it recorded each file (a file read again holding fewer runs than it counted, a file
/// that became a copy or had another moved over its path), kept in the transaction that records the file: a run killed
/// before its summary stated them leaves them for the next run to state (`UnreportedNotices`), where they were gone with
/// its memory (helper-83's wa_kill.sh).
extension KoukaStore {
    /// Notes, for the job run under way, that the file at `path` was recorded with a loss (`reason`). Outside a job run
    /// (a verification's reading again) there is no one to state it to later, and nothing is kept.
    /// `kind` says under which of the summary's lists the run would have named it.
    package func noteLoss(path: String, reason: String, kind: LossNoticeKind = .losingRuns) throws {
        guard let jobRunID else { return }
        try db.prepare("INSERT INTO loss_notices (job_run_id, path, reason, kind) VALUES (?, ?, ?, ?)")
            .run([.integer(jobRunID), .text(path), .text(reason), .text(kind.rawValue)])
    }

    /// The losses the job runs `runs` noted, one per path and kind (the first noted), by path. A kind this Kouka does not
    /// write is a store changed outside it.
    package func lossNotices(writtenBy runs: [Int64]) throws -> [(path: String, reason: String, kind: LossNoticeKind)] {
        guard !runs.isEmpty else { return [] }
        var notices: [(path: String, reason: String, kind: LossNoticeKind)] = []
        var seen = Set<String>()
        try db.prepare("""
            SELECT path, reason, kind FROM loss_notices WHERE job_run_id IN (\(runs.map { _ in "?" }.joined(separator: ", "))) ORDER BY path, rowid
            """, reading: "loss_notices").query(runs.map { .integer($0) }) { row in
            let path = try row.text(0), kindText = try row.text(2)
            guard let kind = LossNoticeKind(rawValue: kindText) else {
                throw StoreError.undecodable(path: self.path, table: "loss_notices", column: "kind", value: kindText)
            }
            if seen.insert("\(kind.rawValue)\u{0}\(path)").inserted { notices.append((path, try row.text(1), kind)) }
        }
        return notices
    }

    /// Forgets the losses of the job runs `runs`, whose summaries stated them (or a later run's did).
    func forgetLossNotices(of runs: [Int64]) throws {
        let forget = try db.prepare("DELETE FROM loss_notices WHERE job_run_id = ?")
        for run in runs { try forget.run([.integer(run)]) }
    }
}
