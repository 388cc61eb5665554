
/// The seal of what only kouka-nightly writes and no digest of its own covers: every ledger line (its path, format,
/// status, size, SHA-256, row counts, rollup digest and run-key digest) and every quarantined row. Each nightly run records the seal it
/// found as it started and the one it left as it ended (`job_runs.seal_found`, `seal_left`): a change between two runs
/// was made outside Kouka — a ledger line removed together with its rollups, a `gone` file made `rejected`, a rejected
/// row's line or reason rewritten — even for files no longer on disk, which cannot be read again.
extension KoukaStore {
    /// The columns of a ledger line the seal covers, after `id`, in the order `LedgerSeal.addLine` takes them.
    static let sealedLineColumns = sealedLineColumnList.joined(separator: ", ")
    static let sealedLineColumnList = ["path", "format", "status", "sha256", "rollups_sha256", "reject_reason", "size", "rows_read", "rows_accepted",
                                       "rows_rejected", "rows_repeated", "pending_runs", "run_keys_sha256",
                                       // Read by the seal as a sum only: the seal of 0.4.3 to 0.4.7 takes the columns before.
                                       "rows_identical"]

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

    /// The seals the nightly run `run` found as it started, from `sealing` (its reading of the ledger) and the
    /// quarantine; recorded with the run, which from now on keeps the seal as a sum (`keepRunningSeal`). A dry run
    /// (`run` nil) records nothing, and says what a run would find.
    /// The run keeps the seal with the catalog's kept versions; held to `previous` (`sealedBefore`), which sealed without them
    /// (0.5.5 and before), it records and compares the seal it found without them.
    package func sealsFound(_ sealing: LedgerSealing, run: Int64?, comparedWith previous: JobRunSeal? = nil) throws -> SealsFound {
        var sum = sealing.sum
        try addQuarantine(to: &sum)
        let withoutCatalog = sum
        try addCatalogVersions(to: &sum)
        let comparable = previous.map(\.coversCatalog) == false ? withoutCatalog : sum
        let old = try sealing.v1.map { try sealQuarantine($0) }
        if let run {
            if let old { try db.prepare("UPDATE job_runs SET seal_found = ? WHERE id = ?").run([.text(old), .integer(run)]) }
            try keepRunningSeal(from: sum, run: run)
            if comparable != sum { try db.prepare("UPDATE job_runs SET seal_sum_found = ? WHERE id = ?").run([.text(comparable.hex), .integer(run)]) }
        }
        return SealsFound(v1: old, sum: comparable)
    }

    /// The run a nightly run's seal is held to, of `runs` (the job's runs before it, oldest first): the last that left a seal
    /// as a sum, or the last run when none did.
    package static func sealedBefore(_ runs: [JobRunSeal]) -> JobRunSeal? {
        runs.last(where: { $0.sumLeft != nil }) ?? runs.last
    }

    /// Whether a run after `runs` (its job's, oldest first: `seals(job:)`) also reads the seal of Kouka 0.4.7 and before:
    /// the run before it left one, and no run has recorded the seal as a sum yet. The first run of a newer Kouka
    /// compares it with that run's.
    package static func readsOldSeal(after runs: [JobRunSeal]) -> Bool {
        !runs.contains { $0.sumFound != nil } && runs.last?.left != nil
    }

    /// Records the seal the run `run` leaves, as its writes left it, in the transaction that ends it.
    func recordSealLeft(run: Int64) throws {
        guard let seal = db.runningSeal else { return }
        try db.prepare("UPDATE job_runs SET seal_sum_left = ? WHERE id = ?").run([.text(seal.sum.hex), .integer(run)])
        seal.unwritten = false
    }

    /// The seals of the runs of `job`, oldest first: the seal each found and left (nil where it recorded none). A store
    /// that sealed as a sum from its first run starts with `JobRunSeal.origin`, the empty store it was created as.
    package func seals(job: String) throws -> [JobRunSeal] {
        var seals: [JobRunSeal] = try sealSumsSince() == 0 ? [.origin] : []
        try db.prepare("""
            SELECT id, started_at, state, seal_found, seal_left, seal_accepted, seal_sum_found, seal_sum_left, seal_covers_catalog FROM job_runs
            WHERE job = ? ORDER BY id
            """, reading: "job_runs").query([.text(job)]) { s in
            seals.append(JobRunSeal(run: try s.int(0), startedAt: try s.text(1), state: try s.text(2), found: try s.optionalText(3),
                                    left: try s.optionalText(4), accepted: try s.flag(5), sumFound: try s.optionalText(6), sumLeft: try s.optionalText(7),
                                    coversCatalog: try s.flag(8)))
        }
        return seals
    }

    /// The run of `runs` (the runs before this one, oldest first: `seals(job:)`) whose seal `found` is compared with,
    /// when it left another: the store was changed outside Kouka since that run's last commit. Nil when it left the same
    /// seal, or none to compare (a run of a Kouka before 0.4.3, or one before 0.4.8 killed), or there is none.
    package func sealBroken(after runs: [JobRunSeal], found: SealsFound) throws -> JobRunSeal? {
        // The record of the first run that seals as a sum removed: which runs' seals were removed with it cannot be told.
        if try sealSumsSince() == nil { return runs.last ?? .origin }
        if let previous = runs.last(where: { $0.sumLeft != nil }) { return previous.sumLeft == found.sum.hex ? nil : previous }
        guard let previous = runs.last, let left = previous.left, let old = found.v1, left != old else { return nil }
        return previous
    }

    /// Marks every run of `job` that found the store changed outside Kouka since the run before it as accepted
    /// (`--accept-store-edits`): verification lists those changes as accepted instead of naming them. Returns how many.
    package func acceptStoreEdits(job: String) throws -> Int {
        let breaks = JobRunSeal.breaks(in: try seals(job: job)).filter { !$0.after.accepted }
        let mark = try db.prepare("UPDATE job_runs SET seal_accepted = 1 WHERE id = ?")
        for change in breaks { try mark.run([.integer(change.after.run)]) }
        // The record of the first run that seals as a sum, removed: put back after the last run without a sum.
        guard try sealSumsSince() == nil else { return breaks.count }
        try db.execute("INSERT INTO seal_sums_since SELECT coalesce(max(id), 0) FROM job_runs WHERE seal_sum_found IS NULL")
        return breaks.count + 1
    }
}

/// The seals one nightly run recorded (`KoukaStore.ledgerSeal()`, `KoukaStore.sealSum()`).
package struct JobRunSeal: Sendable, Equatable {
    package var run: Int64
    package var startedAt: String
    package var state: String
    /// The seal the run found as it started, read as Kouka 0.4.3 to 0.4.7 read it; nil in the runs of a Kouka before
    /// 0.4.3, and from the second run that records the seal as a sum.
    package var found: String?
    /// The seal such a run left as it ended; nil when it did not end (killed) or could not record it.
    package var left: String?
    /// Whether the run found the store changed outside Kouka and was told to go on (`--accept-store-edits`).
    package var accepted = false
    /// The seal as a sum (`SealSum`) the run found as it started; nil in runs of a Kouka before 0.4.8, and in a run
    /// killed before it read the ledger.
    package var sumFound: String? = nil
    /// The seal as a sum at the run's last commit: as it ended, or as a killed run left the store.
    package var sumLeft: String? = nil
    /// Whether the seal it left covers the catalog's kept versions (a run of 0.5.6 or later).
    package var coversCatalog = false

    /// The store as it was created, empty, before its first run: `run` 0, which no run has.
    package static let origin = JobRunSeal(run: 0, startedAt: "the store's creation", state: "finished", sumFound: SealSum().hex, sumLeft: SealSum().hex,
                                           coversCatalog: true)

    /// The runs of `runs` (one job's, oldest first) that found another seal than the run they are compared with left:
    /// a change made outside Kouka between the two. A run that records the seal as a sum is compared with the last run
    /// that left one (killed or not: it left the seal of its last commit), skipping runs killed before they read the
    /// ledger, which wrote nothing; the first of them, and the runs before, with the run just before, by the seal
    /// of 0.4.3 to 0.4.7, where a killed run left none and is compared with nothing.
    package static func breaks(in runs: [JobRunSeal]) -> [(before: JobRunSeal, after: JobRunSeal, left: String, found: String)] {
        var breaks: [(before: JobRunSeal, after: JobRunSeal, left: String, found: String)] = []
        var lastSummed: JobRunSeal? = nil
        for (index, run) in runs.enumerated() {
            if let found = run.sumFound, let before = lastSummed, let left = before.sumLeft {
                if left != found { breaks.append((before, run, left, found)) }
            } else if lastSummed == nil, index > 0, let left = runs[index - 1].left, let found = run.found, left != found {
                breaks.append((runs[index - 1], run, left, found))
            }
            if run.sumFound != nil { lastSummed = run }
        }
        return breaks
    }
}

/// What a nightly run seals of the ledger as it reads it at the start (`KoukaStore.ledgerIdentities(sealing:)`).
package struct LedgerSealing {
    /// The seal as Kouka 0.4.3 to 0.4.7 read it, only while the run before left one of those and none as a sum.
    package var v1: LedgerSeal?
    /// The ledger's lines' part of the seal as a sum.
    package var sum = SealSum()

    package init(readingOldSeal: Bool) { v1 = readingOldSeal ? LedgerSeal() : nil }
}

/// The seals a nightly run found as it started (`KoukaStore.sealsFound`).
package struct SealsFound {
    /// As Kouka 0.4.3 to 0.4.7 read it, when the run read it.
    package var v1: String?
    package var sum: SealSum
}
