import CFileTimes
#if canImport(Glibc)
import Glibc
#endif

/// Looks at files (`FileStatus`) through the open folder of the file looked at before: the sources' files
/// come sorted, so a folder's files come together, and the kernel walks each file's own name instead of
/// its whole path again (a run over a city's unchanged daily logs is mostly these lookups). What it finds
/// is what `FileStatus(path:)` finds: the folder is opened as the path would be walked, symbolic links
/// followed, and any path it cannot look at that way is looked at by its path.
final class FileStatusLookup {
    /// The folder open as `fd`, as it is written in the paths (the bytes before their last `/`); -1 when it
    /// could not be opened, so that its files are looked at by their paths without opening it again for each.
    private var folder: [CChar] = []
    private var fd: Int32 = -1

    deinit { if fd >= 0 { close(fd) } }

    /// The file at `path` as `FileStatus(path:)` sees it.
    func status(of path: String) -> FileStatus? {
        var status = kouka_file_status()
        let found: Int32? = path.withCString { whole in
            // A path without a folder, at the root or ending in `/` is looked at whole.
            guard let last = strrchr(whole, Int32(UInt8(ascii: "/"))), case let slash = UnsafePointer(last), slash != whole, slash[1] != 0 else {
                return nil
            }
            let length = whole.distance(to: slash)
            if length != folder.count || memcmp(whole, folder, length) != 0 {
                if fd >= 0 { close(fd) }
                folder = Array(UnsafeBufferPointer(start: whole, count: length))
                fd = kouka_open_folder(folder + [0])
            }
            guard fd >= 0 else { return nil }
            return kouka_file_status_at(fd, slash + 1, &status)
        }
        guard let found else { return FileStatus(path: path) }
        return FileStatus(path: path, status: &status, found: found)
    }
}
