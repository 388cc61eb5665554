#if canImport(Glibc)
import Glibc
#endif

extension OutputAccess {
    /// Gives the open file or folder `fd` (at `path`, for messages) the configured mode and group.
    func apply(to fd: Int32, path: String, folder: Bool) throws(OutputError) {
        guard fchmod(fd, folder ? folderMode : fileMode) == 0 else {
            throw OutputError(path: path, reason: "cannot set its mode: \(String(cString: strerror(errno)))")
        }
        if let groupID, fchown(fd, uid_t.max, groupID) != 0 {
            throw OutputError(path: path, reason: "cannot give it to the group \(groupName ?? "\(groupID)") (output.group): \(String(cString: strerror(errno)))")
        }
    }
}
