import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open folder that names are resolved against (`openat`, `mkdirat`, `renameat2`), opened without
/// following a symbolic link: a link swapped in for the folder after it was checked cannot move where
/// the job writes.
final class FolderHandle {
    let fd: Int32
    /// The folder's path, for messages.
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Opens the folder at `path`; a symbolic link there is refused with `remedy`.
    convenience init(opening path: String, remedy: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openFailure(path: path, errno: errno, remedy: remedy) }
        self.init(fd: fd, path: path)
    }

    /// Opens the folder `name` inside this one; nil when there is none.
    func folder(named name: String, remedy: String) throws -> FolderHandle? {
        let fd = openat(self.fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Self.openFailure(path: child(name), errno: errno, remedy: remedy)
        }
        return FolderHandle(fd: fd, path: child(name))
    }

    /// Creates the folder `name` (0750) inside this one and opens it; fails if anything is there already.
    func makeFolder(named name: String) throws(OutputError) -> FolderHandle {
        guard mkdirat(fd, name, 0o750) == 0 else { throw OutputError(path: child(name), reason: String(cString: strerror(errno))) }
        let folder = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw OutputError(path: child(name), reason: String(cString: strerror(errno))) }
        // The umask of whoever runs the job must not widen (or narrow) who may read the city's figures.
        fchmod(folder, 0o750)
        return FolderHandle(fd: folder, path: child(name))
    }

    /// Whether anything (a link included) is at `name`.
    func contains(_ name: String) throws(OutputError) -> Bool {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return false }
            throw OutputError(path: child(name), reason: String(cString: strerror(errno)))
        }
        return true
    }

    /// The names in the folder (without `.` and `..`), sorted.
    func names() throws(OutputError) -> [String] {
        let copy = dup(fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let reason = String(cString: strerror(errno))
            if copy >= 0 { close(copy) }
            throw OutputError(path: path, reason: reason)
        }
        defer { closedir(stream) }
        // The copy shares its position with `fd`: start from the top whoever read the folder before.
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Flushes the folder's entries (new names, renames) to disk.
    func sync() { fsync(fd) }

    func child(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Where the link at `path` points, for messages.
    static func linkTarget(_ path: String) -> String {
        do { return try FileManager.default.destinationOfSymbolicLink(atPath: path) } catch { return "somewhere unreadable" }
    }

    private static func openFailure(path: String, errno code: Int32, remedy: String) -> any Error {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { return OutputRefused.symbolicLink(path, remedy: remedy) }
        if code == ENOTDIR {
            return OutputRefused(path: path, problem: "it is not a folder", remedy: "move it away; Kouka writes the reports into a folder there")
        }
        return OutputError(path: path, reason: String(cString: strerror(code)))
    }
}
