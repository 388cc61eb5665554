
extension SourceIngestor {
    /// The ledger line of the file at `path`, new tonight, when it is a counted file moved here and grown: copied to a new
    /// share (a new inode) on a day an export had rows added to it. Its bytes begin with every byte the line's file held
    /// when it was read, under the same name and format, and that file is no longer at its path. Read as a new file, it
    /// counted its earlier rows a second time beside the line kept as deleted (helper-104 #3); taking the line over, its
    /// reading replaces what the line counted.
    ///
    /// Of the lines of that name, only those whose paths share the most trailing folders with this one are tried (a robot's
    /// daily logs of one name in many folders are not hashed against each other), and only while still at their own path.
    func movedAndGrown(display: String, path: String, status: FileStatus, format: String, store: KoukaStore?) throws -> SourceFileRecord? {
        guard let store, let named = vanishedByName[Self.fileName(display)] else { return nil }
        let candidates = named.filter { $0.format == format && $0.status == .present && $0.size < status.size && !$0.sha256.isEmpty }
        let shared = candidates.map { Self.sharedTrailingFolders($0.path, display) }
        guard let most = shared.max() else { return nil }
        for (line, tail) in zip(candidates, shared) where tail == most {
            guard try store.source(path: line.path)?.status == .present else { continue }
            if line.onlyGrew(at: path) { return line }
        }
        return nil
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
