import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ConfigurationFile {
    /// Why the configuration file at `path` could not be read, and what to do; the error names the path.
    static func whyUnreadable(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT
                ? "no such file; pass --config with the path of kouka.toml (the Debian package's is /etc/kouka/kouka.toml)"
                : "cannot be read (\(String(cString: strerror(errno)))); check the job's user may read it and its folders"
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "is a folder; pass --config with the path of the kouka.toml file in it" }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return "cannot be read (\(String(cString: strerror(errno)))); check the job's user may read it (the packaged file is root:kouka 0640)" }
        close(fd)
        return "cannot be read; check the job's user may read it"
    }
}
