#if canImport(Glibc)
import Glibc
#endif

/// Who may read the reports: the group their files and folders are given, and their modes. Files get
/// `fileMode`; folders the same with search (x) added wherever read (r) is, so whoever may read a file
/// may also reach it. Set explicitly on every file and folder a report run creates, whatever the umask.
package struct OutputAccess: Sendable, Equatable {
    /// The group to give report files and folders; nil leaves the job's own group.
    package var groupID: gid_t?
    /// The group's name as configured, for messages.
    package var groupName: String?
    package var fileMode: mode_t

    /// Owner reads and writes, the group reads, nobody else: 0640 files in 0750 folders.
    package static let standard = OutputAccess(groupID: nil, groupName: nil, fileMode: 0o640)

    package var folderMode: mode_t {
        var mode = fileMode
        for (read, search) in [(S_IRUSR, S_IXUSR), (S_IRGRP, S_IXGRP), (S_IROTH, S_IXOTH)] where mode & mode_t(read) != 0 { mode |= mode_t(search) }
        return mode
    }

    /// Checks `[output] group` and `mode`: the mode an octal string such as "0640" that lets the owner
    /// read and write and gives nobody execute or special bits; the group one that exists and that the
    /// job's user may give files to (a group it is in; root may give any).
    static func resolve(group: String?, mode: String?, configuration path: String) throws(ConfigurationError) -> OutputAccess {
        var access = OutputAccess.standard
        if let mode {
            let digits = mode.hasPrefix("0o") ? String(mode.dropFirst(2)) : mode
            guard !digits.isEmpty, digits.count <= 4, let value = mode_t(digits, radix: 8) else {
                throw ConfigurationError(path: path, message: "output.mode \"\(mode)\" is not an octal mode; write it as a string such as \"0640\"")
            }
            guard value & 0o600 == 0o600, value & ~mode_t(0o666) == 0 else {
                throw ConfigurationError(path: path, message: "output.mode \"\(mode)\" must let the owner read and write (0600) and give no execute or special bits: use 0640, 0644 or 0660 and the like; folders get x where r is")
            }
            access.fileMode = value
        }
        if let group {
            guard let entry = getgrnam(group) else {
                throw ConfigurationError(path: path, message: "output.group \(group) is not a group on this system; create it (groupadd \(group)) or name an existing one")
            }
            let id = entry.pointee.gr_gid
            guard geteuid() == 0 || getegid() == id || supplementaryGroups().contains(id) else {
                throw ConfigurationError(path: path, message: "output.group \(group): the job's user is not in it, so it cannot give files to it; add the user to the group (usermod -aG \(group) \(userName())) and start a new session, or name a group the user is in")
            }
            access.groupID = id
            access.groupName = group
        }
        return access
    }

    private static func supplementaryGroups() -> [gid_t] {
        let count = getgroups(0, nil)
        guard count > 0 else { return [] }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let found = getgroups(count, &groups)
        return found > 0 ? Array(groups.prefix(Int(found))) : []
    }

    private static func userName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "\(geteuid())" }
        return String(cString: name)
    }
}
