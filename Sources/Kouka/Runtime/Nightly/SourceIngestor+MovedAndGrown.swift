
extension SourceIngestor {
    /// The ledger line of the file at `path`, new tonight, when it is a counted file moved here and grown: copied to a new
    /// share (a new inode) on a day an export had rows added to it. Its bytes begin with every byte the line's file held
    /// when it was read, under the same name and format, and that file is no longer at its path. Read as a new file, it
    /// counted its earlier rows a second time beside the line kept as deleted (helper-104 #3); taking the line over, its
    /// reading replaces what the line counted.
    ///
    /// Of the lines of that name and format whose every byte the file begins with, the one that held the most: every export
    /// of a format begins with its header, and one that held only the header is a prefix of all (helper-106 #1, helper-107
    /// #1). Of two that held as much, the one sharing more trailing folders with the file (`robot01/2024-05-10.csv` is
    /// robot01's); two alike in both are neither taken. A byte-for-byte copy of one of them is left to be taken as a copy.
    /// Only lines still at their own path are tried, and each size once: the file's first bytes are hashed once for all the
    /// lines that held that many.
    func movedAndGrown(display: String, path: String, status: FileStatus, format: String, store: KoukaStore?) throws -> SourceFileRecord? {
        guard let store, let lines = vanishedByName[Self.fileName(display)]?.filter({
            $0.format == format && $0.status == .present && $0.size <= status.size && !$0.sha256.isEmpty
        }), !lines.isEmpty else { return nil }
        // A copy of one of them, byte for byte, is a copy: it takes its line over once read, as any copy of a file no longer
        // at its path does (helper-105 #1: the header-only export of another department is a prefix of it too).
        if lines.contains(where: { $0.size == status.size }) {
            var whole = SHA256()
            guard whole.update(fileAt: path, from: 0, to: status.size) else { return nil }
            let digest = whole.finalizeHex()
            if lines.contains(where: { $0.size == status.size && $0.sha256 == digest }) { return nil }
        }
        let named = lines.filter { $0.size < status.size }
        for size in Set(named.map(\.size)).sorted(by: >) {
            var prefix = SHA256()
            guard prefix.update(fileAt: path, from: 0, to: size) else { return nil }
            let digest = prefix.finalizeHex()
            var found: [SourceFileRecord] = []
            for line in named where line.size == size && line.sha256 == digest {
                if try store.source(path: line.path)?.status == .present { found.append(line) }
            }
            guard !found.isEmpty else { continue }
            let shared = found.map { Self.sharedTrailingFolders($0.path, display) }
            let most = shared.max()!
            guard shared.filter({ $0 == most }).count == 1 else { return nil }
            return found[shared.firstIndex(of: most)!]
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
