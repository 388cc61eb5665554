import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `--summary PATH` file: the last run's JSON summary, replaced whole in one rename so a reader never
/// sees half of it, and `PATH.jsonl`, one compact line per run, as the history. The summary is what the
/// job prints on stdout; the file does not depend on stdout, so a unit's or cron's redirection of stdout
/// cannot turn it into several documents.
package enum SummaryFile {
    /// Replaces `path` with `document` (through a temporary file in the same folder, flushed, then renamed)
    /// and appends `line` to `path.jsonl`. Throws naming the file that could not be written.
    package static func write(_ document: String, line: String, to path: String) throws(OutputError) {
        try AtomicFile.replace(path, with: Data((document + "\n").utf8))
        try appendLine(line, to: path + ".jsonl")
    }

    /// Appends `line` to the history in one `write`, flushed. A line left unfinished by a run killed while
    /// writing it is ended first, so that it spoils only itself, not the next night's line too.
    static func appendLine(_ line: String, to path: String) throws(OutputError) {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        var last: UInt8 = 0x0A
        if info.st_size > 0, pread(fd, &last, 1, info.st_size - 1) != 1 {
            throw OutputError(path: path, reason: "cannot read its last byte: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(((last == 0x0A ? "" : "\n") + line + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw OutputError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes were written")
        }
        guard fsync(fd) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }
}
