import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file whole: the new bytes go to a temporary file in the same folder, are flushed, and the
/// temporary file is renamed over the old one, so a reader (node_exporter, a monitoring script) sees the
/// old file or the new one, never a part of either, even if the job is killed or the disk fills.
enum AtomicFile {
    /// Writes `data` to `path` with `mode` (0640: owner and group), replacing what was there.
    static func replace(_ path: String, with data: Data, mode: mode_t = 0o640) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "its folder \(folder) does not exist" : String(cString: strerror(errno))
            throw OutputError(path: path, reason: reason)
        }
        var failure: String? = data.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                done += n
            }
            return nil
        }
        if failure == nil, fchmod(fd, mode) != 0 || fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputError(path: path, reason: failure)
        }
        // The rename itself survives a power cut only once the folder is flushed.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }
}
