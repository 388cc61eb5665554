import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a set of files so that a reader sees all of the new ones or all of the old ones, never half a
/// file: each is written to a temporary name in its target's folder and flushed to disk; only when every
/// one is there are they renamed over their targets, and the folders flushed. A set dropped before
/// `commit()` (a full disk on the third file) removes its temporaries and leaves the old files as they were.
final class AtomicFileSet {
    private var staged: [(temporary: String, path: String)] = []

    deinit {
        for file in staged { unlink(file.temporary) }
    }

    /// Stages `data` for `path`.
    func add(_ data: Data, to path: String) throws(OutputError) {
        let temporary = try Self.temporaryPath(beside: path)
        staged.append((temporary, path))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        // The message names the report, not its hidden temporary name: that is the path people look for.
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let failure: String? = data.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        if let failure { throw OutputError(path: path, reason: failure) }
    }

    /// Stages the file `produce` writes at the temporary path it is given, for `path`.
    func add(to path: String, _ produce: (String) throws -> Void) throws {
        let temporary = try Self.temporaryPath(beside: path)
        staged.append((temporary, path))
        try produce(temporary)
        chmod(temporary, 0o640)
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw OutputError(path: path, reason: reason)
        }
        close(fd)
    }

    /// Renames every staged file over its target, then flushes their folders so the renames survive a crash.
    func commit() throws(OutputError) {
        let files = staged
        staged = []
        for (index, file) in files.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            for later in files[index...] { unlink(later.temporary) }
            throw OutputError(path: file.path, reason: reason)
        }
        for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }) {
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
    }

    /// A temporary name in `path`'s folder (created if missing), so the rename stays on one file system.
    private static func temporaryPath(beside path: String) throws(OutputError) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder, reason: "cannot create the folder")
        }
        return (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp-\(getpid())")
    }
}
