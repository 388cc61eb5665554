import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `SHA256SUMS`, the manifest every report set carries: one line `<SHA-256>  <file name>` per file of the
/// set, in the format `sha256sum -c` reads, so an auditor can check the folder with or without Kouka.
package enum ReportManifest {
    package static let fileName = "SHA256SUMS"

    /// The manifest's text for `files` (name and SHA-256), sorted by name.
    static func text(_ files: [(name: String, sha256: String)]) -> String {
        files.sorted { $0.name < $1.name }.map { "\($0.sha256)  \($0.name)\n" }.joined()
    }

    /// Checks the report folder at `folder` against its `SHA256SUMS`: names each listed file that changed,
    /// is missing or cannot be read, and everything in the folder the manifest does not list. Empty when
    /// the folder is exactly the set that was written. Waits (as a reader) for a `kouka-report` writing
    /// into the folder's parent, so it never sees a set half exchanged.
    /// - Throws: `OutputError` when the folder cannot be opened or listed, `LockHeld` after waiting too long.
    package static func check(folder: String) throws -> [ManifestFinding] {
        let remedy = "a report folder is a real folder; find out who made the link"
        let parent = try FolderHandle(opening: (folder as NSString).deletingLastPathComponent, remedy: remedy)
        try FolderLock.take(parent, exclusive: false)
        guard let set = try parent.folder(named: (folder as NSString).lastPathComponent, remedy: remedy) else {
            throw OutputError(path: folder, reason: "no such folder")
        }
        return try check(set)
    }

    /// Checks every report folder (`FY<year>`, `<yyyy-MM>`) in the output folder `output`, as `check(folder:)`.
    package static func checkReportFolders(in output: String) throws -> [ManifestFinding] {
        let remedy = "set output in kouka.toml to the folder the link points to"
        guard FileManager.default.fileExists(atPath: output) else { return [] }
        let root = try FolderHandle(opening: output, remedy: remedy)
        try FolderLock.take(root, exclusive: false)
        var findings: [ManifestFinding] = []
        for name in try root.names() where ReportSetName.isReportFolder(name) {
            guard let set = try root.folder(named: name, remedy: "a report folder is a real folder; find out who made the link") else { continue }
            findings += try check(set)
        }
        return findings
    }

    private static func check(_ set: FolderHandle) throws -> [ManifestFinding] {
        let manifestPath = set.child(fileName)
        let data: Data
        switch read(fileName, in: set) {
        case nil: return [ManifestFinding(kind: .noManifest, path: manifestPath)]
        case let .failure(reason)?: return [ManifestFinding(kind: .unreadable, path: manifestPath, found: reason.text)]
        case let .success(bytes)?: data = bytes
        }
        var findings: [ManifestFinding] = []
        var listed: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard let (digest, name) = parse(line), listed[name] == nil else {
                findings.append(ManifestFinding(kind: .badLine, path: manifestPath, listed: String(line)))
                continue
            }
            listed[name] = digest
        }
        if !data.isEmpty && data.last != UInt8(ascii: "\n") {
            findings.append(ManifestFinding(kind: .badLine, path: manifestPath, listed: "the last line has no line end"))
        }
        let present = Set(try set.names())
        for name in present.subtracting(listed.keys).subtracting([fileName]).sorted() {
            findings.append(ManifestFinding(kind: .unlisted, path: set.child(name)))
        }
        for (name, digest) in listed.sorted(by: { $0.key < $1.key }) {
            guard present.contains(name) else {
                findings.append(ManifestFinding(kind: .missing, path: set.child(name), listed: digest))
                continue
            }
            switch hash(name, in: set) {
            case let .success(found) where found != digest:
                findings.append(ManifestFinding(kind: .changed, path: set.child(name), listed: digest, found: found))
            case .success: break
            case let .failure(reason):
                findings.append(ManifestFinding(kind: .unreadable, path: set.child(name), listed: digest, found: reason.text))
            }
        }
        return findings
    }

    /// `<64 hex digits>  <name>` (or `*<name>`, sha256sum's binary mode), the name a plain file name:
    /// a manifest edited to list `../` paths must not make the check read files outside the folder.
    private static func parse(_ line: Substring) -> (digest: String, name: String)? {
        let characters = Array(line)
        guard characters.count > 66, characters[64] == " ", characters[65] == " " || characters[65] == "*" else { return nil }
        let digest = String(characters[0..<64]).lowercased()
        let name = String(characters[66...])
        guard digest.allSatisfy({ $0.isHexDigit }), !name.contains("/"), name != ".", name != "..", !name.contains("\\") else { return nil }
        return (digest, name)
    }

    private struct Reason: Error { var text: String }

    /// The SHA-256 of the regular file `name` in `set`, read without following a link.
    private static func hash(_ name: String, in set: FolderHandle) -> Result<String, Reason> {
        let fd = openat(set.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Reason(text: errno == ELOOP ? "a symbolic link" : String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(Reason(text: "not a regular file")) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Reason(text: String(cString: strerror(errno))))
            }
            if n == 0 { return .success(hasher.finalizeHex()) }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// The bytes of the regular file `name` in `set`: nil when there is none, a failure when it cannot be read.
    private static func read(_ name: String, in set: FolderHandle) -> Result<Data, Reason>? {
        let fd = openat(set.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return errno == ENOENT ? nil : .failure(Reason(text: errno == ELOOP ? "a symbolic link" : String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(Reason(text: "not a regular file")) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Reason(text: String(cString: strerror(errno))))
            }
            if n == 0 { return .success(data) }
            data.append(contentsOf: buffer[0..<n])
        }
    }
}
