
extension KoukaStore {
    /// The SHA-256 of a file's rollups as the store holds them: every key and total, in the table's key order,
    /// numbers by their exact bits; the runs it left out as counted elsewhere and those it counts before their
    /// end, each with its rollup (`RunRollup`: what the file takes back or gives up should it be deleted); and the run ids it counted unfinished, which decide whether a later export takes a
    /// run over (none in a store written before Kouka kept them: its digests stay as they were). The ledger keeps it
    /// from the commit that wrote them, so a change made behind Kouka's back — also for a file no longer on disk, which
    /// cannot be read again — shows as a digest that no longer matches.
    package func rollupDigest(ofSource id: Int64) throws -> String {
        var hasher = SHA256()
        try db.prepare("""
            SELECT day, department, family, task_name, outcome, unit, off_hours, cumulative, events, quantity, machine_seconds, human_seconds,
            human_quantity FROM rollups WHERE source_id = ? ORDER BY day, department, family, task_name, outcome, unit, off_hours
            """, reading: "rollups").query([.integer(id)]) { s in
            // The text's bytes as SQLite holds them, as a string's UTF-8 would be, without making one: every file's every
            // rollup comes here as the file is recorded.
            for column in Int32(0)...5 {
                hasher.update(try s.textBytes(column))
                Self.feed(separator: 0x1F, into: &hasher)
            }
            for column in Int32(6)...8 { Self.feed(try s.int(column), into: &hasher) }
            for column in Int32(9)...12 { Self.feed(Int64(bitPattern: try s.double(column).bitPattern), into: &hasher) }
        }
        try feedQuality(ofSource: id, into: &hasher)
        try db.prepare("SELECT unfinished FROM run_key_sets WHERE source_id = ? AND unfinished IS NOT NULL", reading: "run_key_sets")
            .query([.integer(id)]) { s in
                let hashes = try s.hashes(0)
                Self.feed("unfinished-v1", separator: 0x1E, into: &hasher)
                Self.feed(Int64(hashes.count), into: &hasher)
                hashes.withUnsafeBytes { hasher.update($0) }
            }
        try feedRunRollups(ofSource: id, into: &hasher)
        // How many files' runs it holds lines of (`run_parts`): a report lists it among the sources of those runs, and a
        // row removed behind Kouka's back took it off every report's list with no figure changed (helper-89). Nothing for a
        // file that holds none, so that the digests of files recorded before it was covered stay as they were.
        var parts: Int64 = 0
        try db.prepare("SELECT count(*) FROM run_parts WHERE source_id = ?", reading: "run_parts").query([.integer(id)]) { parts = try $0.int(0) }
        if parts > 0 {
            Self.feed("run-parts-v1", separator: 0x1E, into: &hasher)
            Self.feed(parts, into: &hasher)
        }
        return hasher.finalizeHex()
    }

    /// The digest the ledger recorded for a file's rollups; nil when none was recorded.
    package func recordedRollupDigest(ofSource id: Int64) throws -> String? {
        var digest: String?
        try db.prepare("SELECT rollups_sha256 FROM source_files WHERE id = ?", reading: "source_files").query([.integer(id)]) {
            digest = try $0.optionalText(0)
        }
        return digest
    }

    /// The recorded digest of every ledger line that has one, by line id: one query for a whole store.
    package func recordedRollupDigests() throws -> [Int64: String] {
        var digests: [Int64: String] = [:]
        try db.prepare("SELECT id, rollups_sha256 FROM source_files WHERE rollups_sha256 IS NOT NULL", reading: "source_files").query {
            digests[try $0.int(0)] = try $0.text(1)
        }
        return digests
    }

    /// Records the digest of a file's rollups as they are now; in the transaction that wrote them.
    func recordRollupDigest(ofSource id: Int64) throws {
        try db.prepare("UPDATE source_files SET rollups_sha256 = ? WHERE id = ?").run([.text(try rollupDigest(ofSource: id)), .integer(id)])
    }

    /// Records the digest of a file's rollups as they are now and `runKeysDigest`, that of the run-key set the same
    /// transaction wrote (nil: the file has none); one statement for both.
    func recordRollupDigest(ofSource id: Int64, runKeysDigest: String?) throws {
        try db.prepare("UPDATE source_files SET rollups_sha256 = ?, run_keys_sha256 = ? WHERE id = ?")
            .run([.text(try rollupDigest(ofSource: id)), runKeysDigest.map { .text($0) } ?? .null, .integer(id)])
    }

    static func feed(_ text: String, separator: UInt8, into hasher: inout SHA256) {
        var bytes = Array(text.utf8)
        bytes.append(separator)
        bytes.withUnsafeBytes { hasher.update($0) }
    }

    static func feed(separator: UInt8, into hasher: inout SHA256) {
        withUnsafeBytes(of: separator) { hasher.update($0) }
    }

    static func feed(_ value: Int64, into hasher: inout SHA256) {
        withUnsafeBytes(of: value.littleEndian) { hasher.update($0) }
    }
}
