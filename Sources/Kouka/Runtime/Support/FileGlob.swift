#if canImport(Glibc)
import Glibc
#endif

/// Expands a source pattern to the regular files it names, sorted, so runs read files in a fixed order.
///
/// A folder name that is `**` alone matches any number of folders, none included, as in a shell with `globstar`
/// (`robo/**/*.csv`: `robo/a.csv`, `robo/2024/b.csv`, `robo/2024/05/c.csv`). POSIX `glob(3)` reads it as `*`, one folder
/// exactly: a city widening `robo/*.csv` to take an archive folder too would have stopped reading the files it read
/// until then, and every new one beside them (helper-75's glob_doublestar_skips_top_level.sh), with exit 0. Folders are
/// walked through symbolic links (an archive folder linked to a share, which glob(3)'s one folder followed too), each
/// folder once (a link back to a parent would never end), without hidden ones, as a shell does.
enum FileGlob {
    static func expand(_ pattern: String) -> [String] {
        var segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let star = segments.firstIndex(of: "**") else { return posix(pattern) }
        // `a/**/**/b` is `a/**/b`.
        while star + 1 < segments.count && segments[star + 1] == "**" { segments.remove(at: star + 1) }
        let head = segments[..<star].joined(separator: "/")
        let rest = segments[(star + 1)...].joined(separator: "/")
        // The folders the part before `**` names (the current folder when there is none; the root for `/**`).
        let bases = head.isEmpty ? (pattern.hasPrefix("/") ? ["/"] : ["."]) : posix(head).filter { FolderIdentity($0) != nil }
        var found = Set<String>()
        for base in bases {
            var visited = Set<FolderIdentity>()
            guard let identity = FolderIdentity(base) else { continue }
            visited.insert(identity)
            for folder in [base] + subfolders(of: base, visited: &visited) {
                let prefix = head.isEmpty && base == "." ? (folder == "." ? "" : String(folder.dropFirst(2)) + "/")
                    : (folder.hasSuffix("/") ? folder : folder + "/")
                // `**` last matches every file under the folders, as a shell does.
                found.formUnion(expand(prefix + (rest.isEmpty ? "*" : rest)))
            }
        }
        return found.sorted()
    }

    private static func posix(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }

    /// A folder as the file system knows it, whatever path leads to it.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(_ path: String) {
            var status = stat()
            // stat: through a symbolic link, to the folder it names.
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// Every folder under `folder`, at any depth, through symbolic links, each once (`visited`), not hidden.
    private static func subfolders(of folder: String, visited: inout Set<FolderIdentity>) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) })
        }
        // In name order, so that a folder two paths lead to is found under the same one every night.
        var found: [String] = []
        for name in names.sorted() {
            guard !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let identity = FolderIdentity(path), visited.insert(identity).inserted else { continue }
            found.append(path)
            found += subfolders(of: path, visited: &visited)
        }
        return found
    }
}
