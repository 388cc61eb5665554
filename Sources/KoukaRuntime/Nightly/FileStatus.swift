#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a source file: enough to skip an unchanged file without reading it.
struct FileStatus: Equatable {
    var size: Int64
    var modifiedAt: Double
    var inode: Int64

    /// Why `init(path:)` gives nil for `path`, for the summary and the ledger.
    static func whyNot(path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot be seen: \(String(cString: strerror(errno)))" }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "a folder stands where a log file was expected"
        case S_IFIFO: return "a FIFO (named pipe) stands where a log file was expected; it is not read, so that the job cannot hang on it"
        default: return "not a regular file (a device or socket stands where a log file was expected)"
        }
    }

    /// nil when the path is not a regular file the job can see.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        inode = Int64(info.st_ino)
    }
}
