import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress indicator on stderr, shown only when stderr is a terminal: cron's mail and the
/// journal get log lines, never carriage returns.
struct ProgressLine {
    let enabled: Bool

    init(wanted: Bool) { enabled = wanted && isatty(STDERR_FILENO) == 1 }

    func show(_ done: Int, of total: Int, _ name: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(name)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
