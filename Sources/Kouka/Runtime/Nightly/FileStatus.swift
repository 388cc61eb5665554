import CFileTimes
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a source file: enough to skip an unchanged file without reading it, and to tell
/// when the file at a path may not be the one read there before.
struct FileStatus: Equatable {
    var size: Int64
    var modifiedAt: Double
    var inode: Int64
    /// The inode's change time (`st_ctime`): moved on by every write, rename, `chmod` or `utimes`, and not
    /// settable by hand, so a file re-created with the old size and modification time still shows it.
    var changedAt: Double
    /// When the file was created, where the filesystem records it (`statx`): a file deleted and created
    /// again has a new one even when it reuses the inode.
    var bornAt: Double?

    /// Why `init(path:)` gives nil for `path`, for the summary and the ledger.
    static func whyNot(path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            // The folder's listing gave a name whose bytes are not UTF-8, which became U+FFFD in the path: the file is there,
            // under a name no path in text can give (helper-88: a zip made on Japanese Windows, a share mounted without
            // iocharset=utf8).
            if error == ENOENT, path.unicodeScalars.contains("\u{FFFD}") {
                return "its name is not UTF-8 text (Shift_JIS, as a zip made on Japanese Windows or a share mounted without iocharset=utf8 gives it), so it cannot be opened by name: rename it in UTF-8 (convmv -f sjis -t utf8 --notest), or mount the share with iocharset=utf8"
            }
            return "cannot be seen: \(String(cString: strerror(error)))"
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "a folder stands where a log file was expected"
        case S_IFIFO: return "a FIFO (named pipe) stands where a log file was expected; it is not read, so that the job cannot hang on it"
        default: return "not a regular file (a device or socket stands where a log file was expected)"
        }
    }

    /// nil when the path is not a regular file the job can see.
    init?(path: String) {
        var status = kouka_file_status()
        self.init(path: path, status: &status, found: kouka_file_status_of(path, &status))
    }

    /// `init(path:)` from what `statx` found (`found`, its result, and `status`): the stat of `path` where it
    /// could not say it all.
    init?(path: String, status: inout kouka_file_status, found: Int32) {
        switch found {
        case 1:
            guard status.is_regular == 1 else { return nil }
            size = status.size
            modifiedAt = Double(status.modified_seconds) + Double(status.modified_nanoseconds) / 1_000_000_000
            inode = status.inode
            changedAt = Double(status.changed_seconds) + Double(status.changed_nanoseconds) / 1_000_000_000
            bornAt = status.has_birth_time == 1 ? Double(status.born_seconds) + Double(status.born_nanoseconds) / 1_000_000_000 : nil
            return
        case 0:
            break
        default:
            return nil
        }
        // Where statx cannot say it all: stat, and the birth time where statx gives one.
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        inode = Int64(info.st_ino)
        changedAt = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1_000_000_000
        var birth = kouka_birth_time()
        bornAt = kouka_file_birth_time(path, &birth) == 1 ? Double(birth.seconds) + Double(birth.nanoseconds) / 1_000_000_000 : nil
    }

    init(size: Int64, modifiedAt: Double, inode: Int64, changedAt: Double, bornAt: Double? = nil) {
        self.size = size
        self.modifiedAt = modifiedAt
        self.inode = inode
        self.changedAt = changedAt
        self.bornAt = bornAt
    }
}
