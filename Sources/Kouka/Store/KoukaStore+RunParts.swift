
/// The files that hold lines of runs another file counts (`run_parts`): a robot's log of the day after holds the end of a
/// run its start's log counts. A report's figures rest on those lines too, so it lists such a file among its sources.
extension KoukaStore {
    /// Records that the file of ledger line `id` holds lines of runs the files at `paths` count; kept with what the file
    /// contributes (removed when it is read again whole, `replaceContribution`). Paths without a counted ledger line are
    /// passed over.
    /// The file's rollup digest covers how many it holds parts of (`rollupDigest(ofSource:)`): recorded again with them.
    func recordRunParts(of id: Int64, countedIn paths: some Sequence<String>) throws {
        try db.transaction {
            let insert = try db.prepare("INSERT OR IGNORE INTO run_parts (source_id, counted_in) SELECT ?, id FROM source_files WHERE path = ? AND id <> ?")
            for path in paths { try insert.run([.integer(id), .text(path), .integer(id)]) }
            try recordRollupDigest(ofSource: id)
        }
    }

    /// The paths of the files holding lines of runs the file of ledger id `id` counts.
    func runPartPaths(countedIn id: Int64) throws -> [String] {
        var paths: [String] = []
        try db.prepare("SELECT f.path FROM run_parts p JOIN source_files f ON f.id = p.source_id WHERE p.counted_in = ? ORDER BY f.path",
                       reading: "run_parts").query([.integer(id)]) { paths.append(try $0.text(0)) }
        return paths
    }

    /// Every file holding lines of runs another file counts, with the ledger ids of those files.
    package func runParts() throws -> [(part: Int64, countedIn: Int64)] {
        var parts: [(part: Int64, countedIn: Int64)] = []
        try db.prepare("SELECT source_id, counted_in FROM run_parts", reading: "run_parts").query { parts.append((try $0.int(0), try $0.int(1))) }
        return parts
    }
}
