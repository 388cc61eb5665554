
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
    /// Only lines still at their own path are tried; the file is read once, its digest taken at each size a line held.
    func movedAndGrown(display: String, path: String, status: FileStatus, format: String, store: KoukaStore?) throws -> SourceFileRecord? {
        guard let store, let lines = vanishedByName[Self.fileName(display)]?.filter({
            $0.format == format && $0.status == .present && $0.size <= status.size && !$0.sha256.isEmpty
        }), !lines.isEmpty else { return nil }
        // The file's first bytes up to each size a line held, from one reading of it: a share of many files of one name
        // (every robot's `export.csv`) would otherwise be hashed from its start again for each size (helper-108 #2).
        var digests: [Int64: String] = [:]
        var hasher = SHA256()
        var hashed: Int64 = 0
        for size in Set(lines.map(\.size)).sorted() {
            guard hasher.update(fileAt: path, from: hashed, to: size) else { return nil }
            hashed = size
            digests[size] = hasher.finalizeHex()
        }
        // A copy of one of them, byte for byte, is a copy: it takes its line over once read, as any copy of a file no longer
        // at its path does (helper-105 #1: the header-only export of another department is a prefix of it too).
        if lines.contains(where: { $0.size == status.size && $0.sha256 == digests[status.size] }) { return nil }
        for size in digests.keys.filter({ $0 < status.size }).sorted(by: >) {
            var found: [SourceFileRecord] = []
            for line in lines where line.size == size && line.sha256 == digests[size] {
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
