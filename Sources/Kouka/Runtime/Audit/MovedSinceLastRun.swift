import Foundation

/// Finds where a counted file went when it was moved or renamed after the last nightly run: among the files that
/// arrived since, the one holding the bytes that run read (the same SHA-256, or those bytes with lines added after them).
/// Only files no ledger line has are looked at, each hashed at most once, and only when a counted file is missing.
struct MovedSinceLastRun {
    private let candidates: [(display: String, path: String)]
    private var digests: [String: String?] = [:]
    private var taken: Set<String> = []

    init(arrived: Set<String>, files: [String: String]) {
        candidates = arrived.sorted().compactMap { display in files[display].map { (display, $0) } }
    }

    /// The display path of the arrived file that holds what `line` read, once per file: two lines with the same bytes
    /// (a file and its copy both moved) find one file each.
    mutating func file(holdingWhatWasRead line: SourceFileRecord) -> String? {
        for (display, path) in candidates where !taken.contains(display) {
            if digest(of: display, at: path) == line.sha256 || line.onlyGrew(at: path) {
                taken.insert(display)
                return display
            }
        }
        return nil
    }

    /// Gives back a file `file(holdingWhatWasRead:)` found that was not taken for the line after all.
    mutating func release(_ display: String) {
        taken.remove(display)
    }

    private mutating func digest(of display: String, at path: String) -> String? {
        if let known = digests[display] { return known }
        let digest = SHA256.hexDigest(ofFile: path)
        digests[display] = digest
        return digest
    }
}
