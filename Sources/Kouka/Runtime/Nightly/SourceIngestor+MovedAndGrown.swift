
extension SourceIngestor {
    /// The ledger line of the file at `path`, new tonight, when it is a counted file moved here and grown: copied to a new
    /// share (a new inode) on a day an export had rows added to it. Its bytes begin with every byte the line's file held
    /// when it was read, under the same name and format, and that file is no longer at its path. Read as a new file, it
    /// counted its earlier rows a second time beside the line kept as deleted (helper-104 #3); taking the line over, its
    /// reading replaces what the line counted.
    ///
    /// Of the lines of that name and format, only those whose paths share the most trailing folders with this one are tried
    /// (`robot01/2024-05-10.csv` is robot01's, never robot02's, whose export of that day held only its header: helper-105),
    /// and, when none shares a folder, only the one line of that name there is; each only while still at its own path.
    func movedAndGrown(display: String, path: String, status: FileStatus, format: String, store: KoukaStore?) throws -> SourceFileRecord? {
        guard let store, let named = vanishedByName[Self.fileName(display)]?.filter({ $0.format == format && $0.status == .present }) else { return nil }
        let shared = named.map { Self.sharedTrailingFolders($0.path, display) }
        guard let most = shared.max(), most > 0 || named.count == 1 else { return nil }
        // Of those this file begins with, the one that held the most: every export of a format begins with its header, and
        // one that held only the header is a prefix of all (helper-106 #1). Two alike cannot be told apart: neither is taken.
        var found: [SourceFileRecord] = []
        for (line, tail) in zip(named, shared) where tail == most && line.size < status.size && !line.sha256.isEmpty {
            guard try store.source(path: line.path)?.status == .present else { continue }
            if line.onlyGrew(at: path) { found.append(line) }
        }
        guard let largest = found.max(by: { $0.size < $1.size }), found.filter({ $0.size == largest.size }).count == 1 else { return nil }
        return largest
    }

    /// The last component of a ledger path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// How many folders the two paths end with alike, above their file names.
    static func sharedTrailingFolders(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: "/").dropLast().reversed(), y = b.split(separator: "/").dropLast().reversed()
        return zip(x, y).prefix { $0 == $1 }.count
    }
}
