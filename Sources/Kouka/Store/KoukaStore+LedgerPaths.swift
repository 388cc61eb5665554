extension KoukaStore {
    /// The path and inode of every ledger line, by path: what a run needs to find the files gone from their
    /// paths, without holding every line's resume and hash state (a city's history is tens of thousands).
    package func ledgerPaths() throws -> [(path: String, status: SourceFileRecord.Status, inode: Int64)] {
        var all: [(path: String, status: SourceFileRecord.Status, inode: Int64)] = []
        try db.prepare("SELECT path, status, inode FROM source_files ORDER BY path", reading: "source_files").query {
            all.append((try $0.text(0), try $0.value(1, as: SourceFileRecord.Status.self), try $0.int(2)))
        }
        return all
    }
}
