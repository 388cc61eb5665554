import Foundation

/// The run ids a counted file no longer among the sources counted, given to the logs' reading again before it
/// starts. In the store, a file read later left out the runs such a file counted first; read again without them,
/// it would count those runs itself and differ from the store where nothing is wrong (the earlier of two
/// overlapping exports deleted). With them, it leaves them out as it did; and if they were changed behind Kouka's
/// back, it counts what it should not, and the difference is named.
struct GoneFileRunKeys {
    let line: SourceFileRecord
    let keys: RunKeyStream

    /// Those of each counted line of `ledger` whose file is not among `files` (display paths), as `store` holds them.
    /// A line whose run-key row does not read as days holds none to give: the reading again then counts its runs,
    /// and the files that overlap it differ.
    static func of(_ ledger: [SourceFileRecord], notAmong files: Set<String>, store: KoukaStore) throws -> [GoneFileRunKeys] {
        try ledger.filter { ($0.status == .present || $0.status == .gone) && !files.contains($0.path) }.compactMap { line in
            let set = try store.runKeySet(ofSource: line.id)
            guard let row = set.row, let first = LocalDate(row.firstDay), let last = LocalDate(row.lastDay), first <= last, !set.hashes.isEmpty else {
                return nil
            }
            // Ascending and distinct, as the reading compares them.
            let hashes = Array(Set(set.hashes)).sorted()
            // With the runs of its edge days: without them, a file of the next day that left one out as counted in it would
            // count it on the reading again, and differ where nothing is wrong (helper-79's verify_gone_adjacent_rpa.sh).
            return GoneFileRunKeys(line: line, keys: RunKeyStream(days: first...last, unfinished: Array(Set(set.unfinished)).sorted(),
                                                                  unanswered: Array(Set(set.unanswered)).sorted(), firstDayRuns: set.firstDayRuns,
                                                                  lastDayRuns: set.lastDayRuns) { body in
                for hash in hashes { try body(hash) }
            })
        }
    }

    /// Writes the run ids into `store`, the new one the logs are read again into, under a line of the file's path and
    /// format that counts nothing and matches no file: no inode or SHA-256 for a file on disk to be taken for it. The
    /// line is given the store's contribution for the file once the reading is done (`VerifyReplay.takeAsStored`).
    func give(to store: KoukaStore) throws {
        var placeholder = line
        placeholder.id = 0
        placeholder.inode = 0
        placeholder.sha256 = ""
        placeholder.status = .gone
        try store.replaceContribution(of: placeholder, orderedRollups: [], rejections: [], runKeys: keys)
    }
}
