import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files `kouka-audit verify` reads the logs again into (a replay store, a workbook rendered again):
/// named with the process's id, so that a run killed before it could remove them (kill -9, a systemd timeout) has
/// them removed by the next verify, while a verify still running keeps its own.
package enum VerifyTemporaries {
    package static let prefix = "kouka-verify-run-"

    /// A new temporary path for this process (`kouka-verify-run-<pid>-<uuid><suffix>`).
    package static func path(suffix: String = "") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)\(suffix)")
    }

    /// Removes what verify runs that are no longer running left in the temporary folder. Space only: never a figure.
    package static func removeLeftovers() {
        let folder = FileManager.default.temporaryDirectory
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            // Still running (or another user's, which this one may not signal): kept.
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            Discard.temporary(folder.appendingPathComponent(name))
        }
    }
}
