import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension KoukaStore {
    /// SQLite follows a symbolic link at the database's name (and at its `-wal`, `-shm` and `-journal`),
    /// so a link planted there would have every write go where it points. The configuration names the
    /// database's file: a link there is refused, and the folders above it are the administrator's.
    static func refuseSymbolicLinks(at path: String) throws(StoreError) {
        for candidate in [path, path + "-wal", path + "-shm", path + "-journal"] {
            var info = stat()
            guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { continue }
            let target: String
            do { target = try FileManager.default.destinationOfSymbolicLink(atPath: candidate) } catch { target = "somewhere unreadable" }
            throw StoreError.symbolicLink(path: candidate, target: target)
        }
    }
}
