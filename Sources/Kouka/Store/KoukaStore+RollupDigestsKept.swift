
/// Whether a counted ledger line without a rollup digest was written before Kouka kept them, or had its digest
/// removed behind Kouka's back: told by a mark in `migrations` (`Migrations.rollupDigestsKept`).
extension KoukaStore {
    /// Whether every counted line has had its rollup digest since the store was marked: a line that lacks one now
    /// had it removed, and recording one would make whatever its rollups are now look committed.
    package func keepsEveryRollupDigest() throws -> Bool {
        if try hasMark(Migrations.rollupDigestsKept) { return true }
        // A store with a digest on any counted line was written by a Kouka that kept them (v12 marks such a store as it
        // migrates it): without the mark, the mark was removed behind Kouka's back, and a line lacking a digest had it
        // removed with it. Recording one now would make its rollups, whatever they are now, look committed.
        var kept = false
        try db.prepare("SELECT 1 FROM source_files WHERE rollups_sha256 IS NOT NULL AND status IN ('present', 'gone') LIMIT 1", reading: "source_files")
            .query { _ in kept = true }
        return kept
    }

    /// Records the digest of each of the lines `ids`, written before Kouka kept them, and marks the store as one
    /// that keeps every digest from now on, in one transaction; returns how many. Once only: on a store marked
    /// already it records none and returns 0. The nightly job finds the lines in the ledger it reads as it starts
    /// (`ledgerIdentities()`), rather than reading the whole table again for them.
    @discardableResult
    package func recordRollupDigestsWrittenBefore(ofSources ids: [Int64]) throws -> Int {
        try db.transaction {
            guard try !keepsEveryRollupDigest() else { return 0 }
            for id in ids { try recordRollupDigest(ofSource: id) }
            try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(Migrations.rollupDigestsKept)])
            return ids.count
        }
    }

    /// The paths of counted ledger lines without a rollup digest in a store that keeps one for every counted line:
    /// digests removed behind Kouka's back, whose rollups may have been changed with them.
    package func pathsWithRollupDigestRemoved() throws -> [String] {
        guard try keepsEveryRollupDigest() else { return [] }
        var paths: [String] = []
        try db.prepare("SELECT path FROM source_files WHERE rollups_sha256 IS NULL AND status IN ('present', 'gone') ORDER BY path", reading: "source_files")
            .query { paths.append(try $0.text(0)) }
        return paths
    }

    /// Whether `migrations` holds the mark `name` (`Migrations.marks`).
    func hasMark(_ name: String) throws -> Bool {
        var marked = false
        try db.prepare("SELECT 1 FROM migrations WHERE name = ?", reading: "migrations").query([.text(name)]) { _ in marked = true }
        return marked
    }
}
