/// Run ids per source file, kept to count a run once when two files hold it (overlapping exports).
/// Stored as sorted chunks of 65,536 hashes, so reading or comparing them never needs a whole file's.
extension KoukaStore {
    static let runKeyChunk = 65_536

    func insertRunKeys(_ keys: RunKeyStream, source id: Int64) throws {
        let insert = try db.prepare("INSERT INTO run_keys (source_id, chunk, hashes) VALUES (?, ?, ?)")
        var chunk: [UInt64] = []
        var number: Int64 = 0
        chunk.reserveCapacity(Self.runKeyChunk)
        try keys.forEach { hash in
            chunk.append(hash)
            if chunk.count == Self.runKeyChunk {
                try insert.run([.integer(id), .integer(number), .hashes(chunk)])
                chunk.removeAll(keepingCapacity: true)
                number += 1
            }
        }
        if !chunk.isEmpty { try insert.run([.integer(id), .integer(number), .hashes(chunk)]) }
    }

    /// Which of `keys` another counted file of `format` already counts, with that file's path; the file
    /// read first keeps a run, so a later file's copy of it is the one left out.
    public func runsCounted(in keys: RunKeyStream, format: String, otherThan path: String) throws -> [UInt64: String] {
        var others: [(id: Int64, path: String)] = []
        try db.prepare("""
            SELECT DISTINCT s.id, s.path FROM source_files s JOIN run_keys k ON k.source_id = s.id
            WHERE s.format = ? AND s.path <> ? AND s.status IN ('present', 'gone') ORDER BY s.id
            """).query([.text(format), .text(path)]) { others.append(($0.int(0), $0.text(1))) }
        var found: [UInt64: String] = [:]
        let readChunk = try db.prepare("SELECT hashes FROM run_keys WHERE source_id = ? AND chunk = ?")
        for other in others {
            var chunk: [UInt64] = []
            var number: Int64 = 0
            var index = 0
            var exhausted = false
            // Both sides ascend: one merge walk finds every hash the two share.
            try keys.forEach { hash in
                while !exhausted {
                    if index == chunk.count {
                        chunk = []
                        try readChunk.query([.integer(other.id), .integer(number)]) { chunk = $0.hashes(0) }
                        number += 1
                        index = 0
                        if chunk.isEmpty { exhausted = true; break }
                    }
                    if chunk[index] < hash { index += 1 } else { break }
                }
                if !exhausted, chunk[index] == hash, found[hash] == nil { found[hash] = other.path }
            }
        }
        return found
    }
}
