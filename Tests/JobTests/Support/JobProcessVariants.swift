import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension JobProcess {
    /// The uid and gid the jobs run as when the tests run as root, so that file modes apply to them.
    static let nobody: uid_t = 65534

    /// Runs a job as an ordinary user: as root, as `nobody` (root may write anywhere, whatever a folder's
    /// mode); otherwise as the test's own user.
    static func runUnprivileged(_ job: String, _ arguments: [String]) throws -> Result {
        let path = productsFolder.appendingPathComponent(job).path
        guard geteuid() == 0 else { return try run(job, arguments) }
        return try run(executable: "/usr/bin/setpriv", ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", path] + arguments)
    }

    /// Runs a job with the caller's umask set to `mask`: the modes of what it writes must not depend on it.
    static func run(_ job: String, _ arguments: [String], umask mask: Int) throws -> Result {
        let path = productsFolder.appendingPathComponent(job).path
        return try run(executable: "/bin/sh", ["-c", "umask \(String(mask, radix: 8)) && exec \"$0\" \"$@\"", path] + arguments)
    }

    /// Gives a folder tree to the user `runUnprivileged` runs jobs as.
    static func handToUnprivilegedUser(_ root: URL) {
        guard geteuid() == 0 else { return }
        chown(root.path, nobody, nobody)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator { lchown(url.path, nobody, nobody) }
    }
}
