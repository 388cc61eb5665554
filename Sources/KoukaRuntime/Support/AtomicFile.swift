import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader never sees half of one: a temporary name in the same folder, flushed
/// to disk, then renamed over the target.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Data(text.utf8), to: path)
    }

    /// Lets `produce` write a temporary file beside `path`, then renames it over `path`.
    static func write(to path: String, _ produce: (String) throws -> Void) throws {
        let temporary = try temporaryPath(beside: path)
        do {
            try produce(temporary)
            chmod(temporary, 0o640)
            guard rename(temporary, path) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            throw error
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

    static func write(_ data: Data, to path: String) throws(OutputError) {
        let temporary = try temporaryPath(beside: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw OutputError(path: temporary, reason: String(cString: strerror(errno))) }
        var bytes = [UInt8](data)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw OutputError(path: path, reason: reason)
            }
            written += n
        }
        bytes.removeAll()
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
    }
}
