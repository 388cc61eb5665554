/// The seal as a sum (`SealSum`): found as the nightly run starts, from the same reading of the ledger that decides its
/// files, then kept up to date by triggers on this connection's writes and recorded with the run at each commit
/// (`job_runs.seal_sum_found`, `seal_sum_left`). A run killed mid-way leaves the seal of its last commit: a change made
/// to the store after it is named like one made after a run that finished.
extension KoukaStore {
    /// A ledger line's digest (`SealRowDigest`), of the columns the seal covers: `id` and `sealedLineColumns`.
    static let sealedLineRow = "kouka_seal_row(\(sealedLineValues))"
    /// The values `sealedLineRow` digests, as columns of a query: its kind, then `id` and `sealedLineColumns` (which the seal
    /// of 0.4.3 to 0.4.7, `LedgerSeal`, reads from the second on).
    static let sealedLineValues = "'line', id, \(sealedLineColumns)"
    static let sealedLineValueCount: Int32 = 2 + Int32(sealedLineColumnList.count)
    /// The columns of a quarantined row the seal covers.
    static let sealedRejectColumns = sealedRejectColumnList.joined(separator: ", ")
    static let sealedRejectColumnList = ["source_id", "line", "repeated_run", "reason", "day"]

    /// A kept catalog version's columns the seal covers: all of them.
    static let sealedCatalogColumnList = ["id", "digest", "first_run", "rows"]

    /// The seal, as a sum, of the ledger, the quarantine and (unless `coveringCatalog` is false, as runs of 0.5.5 and before
    /// sealed) the catalog's kept versions as they are now: one reading of each.
    package func sealSum(coveringCatalog: Bool = true) throws -> SealSum {
        var sum = SealSum()
        try db.prepare("SELECT \(Self.sealedLineRow) FROM source_files", reading: "source_files").query { s in
            sum.add(try sealDigest(s, 0, table: "source_files"))
        }
        try addQuarantine(to: &sum)
        if coveringCatalog { try addCatalogVersions(to: &sum) }
        return sum
    }

    /// Adds the kept catalog versions' rows to `sum`.
    func addCatalogVersions(to sum: inout SealSum) throws {
        try db.prepare("SELECT kouka_seal_row('catalog', \(Self.sealedCatalogColumnList.joined(separator: ", "))) FROM catalog_versions",
                       reading: "catalog_versions").query { s in
            sum.add(try sealDigest(s, 0, table: "catalog_versions"))
        }
    }

    /// Adds the quarantine's rows to `sum`, which holds the ledger's lines.
    func addQuarantine(to sum: inout SealSum) throws {
        try db.prepare("SELECT kouka_seal_row('reject', \(Self.sealedRejectColumns)) FROM rejects", reading: "rejects").query { s in
            sum.add(try sealDigest(s, 0, table: "rejects"))
        }
    }

    /// The 32-byte digest a `kouka_seal_row` column of a row of `table` holds.
    func sealDigest(_ statement: SQLiteStatement, _ column: Int32, table: String) throws -> UnsafeRawBufferPointer {
        let blob = statement.rawBlob(column)
        guard blob.count == 32, let bytes = blob.bytes else {
            throw StoreError.unreadable(path: path, table: table, code: 0, reason: "a row's seal digest is not 32 bytes")
        }
        return UnsafeRawBufferPointer(start: bytes, count: 32)
    }

    /// Records `found` as the seal run `run` found and, until its first commit, left; from now on this connection's
    /// writes to the ledger and the quarantine keep it, and each commit records it with the run.
    func keepRunningSeal(from found: SealSum, run: Int64) throws {
        try db.prepare("UPDATE job_runs SET seal_sum_found = ?1, seal_sum_left = ?1, seal_covers_catalog = 1 WHERE id = ?2").run([.text(found.hex), .integer(run)])
        let line = { (row: String) in "'line', \(row).id, " + Self.sealedLineColumnList.map { "\(row).\($0)" }.joined(separator: ", ") }
        let reject = { (row: String) in "'reject', " + Self.sealedRejectColumnList.map { "\(row).\($0)" }.joined(separator: ", ") }
        let version = { (row: String) in "'catalog', " + Self.sealedCatalogColumnList.map { "\(row).\($0)" }.joined(separator: ", ") }
        // TEMP: the triggers are this connection's own, never written to the store.
        try db.execute("""
            CREATE TEMP TRIGGER IF NOT EXISTS seal_line_added AFTER INSERT ON main.source_files BEGIN SELECT kouka_seal_note(1, \(line("NEW"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_line_removed AFTER DELETE ON main.source_files BEGIN SELECT kouka_seal_note(-1, \(line("OLD"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_line_changed AFTER UPDATE OF \(Self.sealedLineColumns) ON main.source_files BEGIN
                SELECT kouka_seal_note(-1, \(line("OLD"))); SELECT kouka_seal_note(1, \(line("NEW"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_rejection_added AFTER INSERT ON main.rejects BEGIN SELECT kouka_seal_note(1, \(reject("NEW"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_rejection_removed AFTER DELETE ON main.rejects BEGIN SELECT kouka_seal_note(-1, \(reject("OLD"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_rejection_changed AFTER UPDATE ON main.rejects BEGIN
                SELECT kouka_seal_note(-1, \(reject("OLD"))); SELECT kouka_seal_note(1, \(reject("NEW"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_catalog_kept AFTER INSERT ON main.catalog_versions BEGIN SELECT kouka_seal_note(1, \(version("NEW"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_catalog_removed AFTER DELETE ON main.catalog_versions BEGIN SELECT kouka_seal_note(-1, \(version("OLD"))); END;
            CREATE TEMP TRIGGER IF NOT EXISTS seal_catalog_changed AFTER UPDATE ON main.catalog_versions BEGIN
                SELECT kouka_seal_note(-1, \(version("OLD"))); SELECT kouka_seal_note(1, \(version("NEW"))); END;
            """)
        db.runningSeal = RunningSeal(sum: found) { [weak db] sum throws(StoreError) in
            try db?.prepare("UPDATE job_runs SET seal_sum_left = ? WHERE id = ?").run([.text(sum.hex), .integer(run)])
        }
    }

    /// The seal as this connection's writes left it, while it keeps one.
    var runningSealSum: SealSum? { db.runningSeal?.sum }

    /// The run after which every nightly run records the seal as a sum (`seal_sums_since`); nil when that record was
    /// removed.
    package func sealSumsSince() throws -> Int64? {
        var since: Int64? = nil
        try db.prepare("SELECT run FROM seal_sums_since", reading: "seal_sums_since").query { since = try $0.int(0) }
        return since
    }
}
