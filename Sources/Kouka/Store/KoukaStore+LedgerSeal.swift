
/// The seal of what only kouka-nightly writes and no digest of its own covers: every ledger line (its path, format,
/// status, size, SHA-256, row counts, rollup digest and run-key digest) and every quarantined row. Each nightly run records the seal it
/// found as it started and the one it left as it ended (`job_runs.seal_found`, `seal_left`): a change between two runs
/// was made outside Kouka — a ledger line removed together with its rollups, a `gone` file made `rejected`, a rejected
/// row's line or reason rewritten — even for files no longer on disk, which cannot be read again.
extension KoukaStore {
    /// The columns of a ledger line the seal covers, after `id`, in the order `LedgerSeal.addLine` takes them.
    static let sealedLineColumns = "path, format, status, sha256, rollups_sha256, reject_reason, size, rows_read, rows_accepted, rows_rejected, rows_repeated, pending_runs, run_keys_sha256"

    /// The seal of the ledger and the quarantine as they are now.
    package func ledgerSeal() throws -> String {
        var seal = LedgerSeal()
        try db.prepare("SELECT id, \(Self.sealedLineColumns) FROM source_files ORDER BY id", reading: "source_files").query { s in
            try seal.addLine(s, from: 0)
        }
        return try sealQuarantine(seal)
    }

    /// Finishes `seal`, which holds the ledger's lines, with the quarantine's rows.
    package func sealQuarantine(_ seal: LedgerSeal) throws -> String {
        var seal = seal
        seal.beginQuarantine()
        try db.prepare("SELECT source_id, line, repeated_run, reason, day FROM rejects ORDER BY source_id, line, repeated_run, reason, day",
                       reading: "rejects").query { s in try seal.addRejection(s) }
        return seal.finish()
    }

    /// Records `seal`, the seal the nightly run `run` found as it started (from the ledger it read then, before it wrote
    /// anything), and from now on counts this connection's writes to the sealed tables, so that a run that wrote none
    /// leaves the seal it found without reading the ledger again. Returns the seal found.
    @discardableResult
    package func recordSealFound(_ seal: LedgerSeal, run: Int64) throws -> String {
        let found = try sealQuarantine(seal)
        try db.prepare("UPDATE job_runs SET seal_found = ? WHERE id = ?").run([.text(found), .integer(run)])
        // TEMP: the counter and its triggers are this connection's own, never written to the store.
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS sealed_writes (n INTEGER NOT NULL);
            DELETE FROM temp.sealed_writes;
            INSERT INTO temp.sealed_writes VALUES (0);
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_line_added AFTER INSERT ON main.source_files BEGIN UPDATE sealed_writes SET n = n + 1; END;
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_line_removed AFTER DELETE ON main.source_files BEGIN UPDATE sealed_writes SET n = n + 1; END;
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_line_changed AFTER UPDATE OF \(Self.sealedLineColumns) ON main.source_files
                BEGIN UPDATE sealed_writes SET n = n + 1; END;
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_rejection_added AFTER INSERT ON main.rejects BEGIN UPDATE sealed_writes SET n = n + 1; END;
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_rejection_removed AFTER DELETE ON main.rejects BEGIN UPDATE sealed_writes SET n = n + 1; END;
            CREATE TEMP TRIGGER IF NOT EXISTS sealed_rejection_changed AFTER UPDATE ON main.rejects BEGIN UPDATE sealed_writes SET n = n + 1; END;
            """)
        sealFound = found
        return found
    }

    /// The seal to record as the run leaves the store: the one it found when it wrote nothing the seal covers, else read.
    func sealLeft() throws -> String {
        if let found = sealFound {
            var writes: Int64 = -1
            try db.prepare("SELECT n FROM temp.sealed_writes", reading: "sealed_writes").query { writes = try $0.int(0) }
            if writes == 0 { return found }
        }
        return try ledgerSeal()
    }

    /// The seals of the runs of `job`, oldest first: the seal each found and left (nil where it recorded none).
    package func seals(job: String) throws -> [JobRunSeal] {
        var seals: [JobRunSeal] = []
        try db.prepare("SELECT id, started_at, state, seal_found, seal_left, seal_accepted FROM job_runs WHERE job = ? ORDER BY id",
                       reading: "job_runs").query([.text(job)]) { s in
            seals.append(JobRunSeal(run: try s.int(0), startedAt: try s.text(1), state: try s.text(2), found: try s.optionalText(3),
                                    left: try s.optionalText(4), accepted: try s.flag(5)))
        }
        return seals
    }

    /// The run of `job` before the run `run`, when it left a seal other than `found`: the store was changed outside Kouka
    /// since it ended. Nil when it left the same seal, or none (killed, or a Kouka before 0.4.3), or there is none.
    package func sealBroken(job: String, before run: Int64, found: String) throws -> JobRunSeal? {
        guard let previous = try seals(job: job).last(where: { $0.run < run }), let left = previous.left, left != found else { return nil }
        return previous
    }

    /// Marks every run of `job` that found the store changed outside Kouka since the run before it as accepted
    /// (`--accept-store-edits`): verification lists those changes as accepted instead of naming them. Returns how many.
    package func acceptStoreEdits(job: String) throws -> Int {
        let breaks = JobRunSeal.breaks(in: try seals(job: job)).filter { !$0.after.accepted }
        let mark = try db.prepare("UPDATE job_runs SET seal_accepted = 1 WHERE id = ?")
        for change in breaks { try mark.run([.integer(change.after.run)]) }
        return breaks.count
    }
}

/// The seals one nightly run recorded (`KoukaStore.ledgerSeal()`).
package struct JobRunSeal: Sendable, Equatable {
    package var run: Int64
    package var startedAt: String
    package var state: String
    /// The seal the run found as it started; nil when it recorded none (a run of a Kouka before 0.4.3).
    package var found: String?
    /// The seal the run left as it ended; nil when it did not end (killed) or could not record it.
    package var left: String?
    /// Whether the run found the store changed outside Kouka and was told to go on (`--accept-store-edits`).
    package var accepted = false

    /// The runs of `runs` (one job's, oldest first) that found another seal than the run before them left: a change made
    /// outside Kouka between the two. A run that left no seal (killed) is compared with nothing.
    package static func breaks(in runs: [JobRunSeal]) -> [(before: JobRunSeal, after: JobRunSeal, left: String, found: String)] {
        zip(runs, runs.dropFirst()).compactMap { before, after in
            guard let left = before.left, let found = after.found, left != found else { return nil }
            return (before, after, left, found)
        }
    }
}
