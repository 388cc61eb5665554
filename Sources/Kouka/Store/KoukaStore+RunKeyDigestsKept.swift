
/// The run-key digest each ledger line recorded as its set was written (`run_keys_sha256`), and whether a line without
/// one was written before Kouka kept them or had it removed behind Kouka's back: told by a mark in `migrations`
/// (`Migrations.runKeyDigestsKept`), as for rollup digests.
extension KoukaStore {
    /// Whether every file with run ids has had its run-key digest since the store was marked.
    package func keepsEveryRunKeyDigest() throws -> Bool {
        if try hasMark(Migrations.runKeyDigestsKept) { return true }
        var kept = false
        // A digest on any line was recorded by a Kouka that keeps them: without the mark, it was removed behind Kouka's back.
        try db.prepare("SELECT 1 FROM source_files WHERE run_keys_sha256 IS NOT NULL LIMIT 1", reading: "source_files").query { _ in kept = true }
        return kept
    }

    /// The run-key digest the ledger recorded for a file; nil when none was recorded.
    func recordedRunKeyDigest(ofSource id: Int64) throws -> String? {
        var digest: String?
        try db.prepare("SELECT run_keys_sha256 FROM source_files WHERE id = ?", reading: "source_files").query([.integer(id)]) { digest = try $0.optionalText(0) }
        return digest
    }

    /// Whether a file's run-key set is no longer the one whose digest its commit recorded: changed behind Kouka's back.
    /// False for a line without a recorded digest (a store not yet upgraded; the seal names a digest removed).
    package func runKeysChanged(ofSource id: Int64) throws -> Bool {
        guard let recorded = try recordedRunKeyDigest(ofSource: id) else { return false }
        return try runKeyDigest(ofSource: id) != recorded
    }

    /// The recorded run-key digest of every line that has one, by line id.
    package func recordedRunKeyDigests() throws -> [Int64: String] {
        var digests: [Int64: String] = [:]
        try db.prepare("SELECT id, run_keys_sha256 FROM source_files WHERE run_keys_sha256 IS NOT NULL", reading: "source_files").query {
            digests[try $0.int(0)] = try $0.text(1)
        }
        return digests
    }

    /// Records the digest of the run-key set of every line that has one and was written before Kouka kept them, and marks
    /// the store, in one transaction; returns how many. Once only: a marked store records none. The sets are taken as they
    /// are, as the rollups were when Kouka began keeping their digests: from now on a change to them is told.
    @discardableResult
    package func recordRunKeyDigestsWrittenBefore() throws -> Int {
        // Every night but the first after the upgrade: no transaction for nothing.
        guard try !keepsEveryRunKeyDigest() else { return 0 }
        return try db.transaction {
            guard try !keepsEveryRunKeyDigest() else { return 0 }
            let record = try db.prepare("UPDATE source_files SET run_keys_sha256 = ? WHERE id = ? AND run_keys_sha256 IS NULL")
            var recorded = 0
            for (id, digest) in try runKeyDigests() {
                try record.run([.text(digest), .integer(id)])
                recorded += db.changes
            }
            try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(Migrations.runKeyDigestsKept)])
            return recorded
        }
    }
}
