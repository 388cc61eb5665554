#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a source file: enough to skip an unchanged file without reading it.
struct FileStatus: Equatable {
    var size: Int64
    var modifiedAt: Double
    var inode: Int64

    /// nil when the path is not a regular file the job can see.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        inode = Int64(info.st_ino)
    }
}
