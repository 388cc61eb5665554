import Foundation

extension VerifyAudit {
    /// The files the store holds as copies of a counted file no longer on disk, that hold those bytes still, by display
    /// path: each a path with a counting line of its own saved over with a deleted file's bytes (`SourceIngestor.counted`).
    /// The logs read again cannot tell them: the deleted file's line there has no bytes to know them by, so a reading
    /// would count them again. They are taken as the store has them, while their bytes are those.
    static func copiesOfDeletedFiles(_ ledger: [SourceFileRecord], files: [String: String]) -> Set<String> {
        // A deleted file put back since the last nightly run is still deleted to the store (its copy was made so): the run
        // after reads it again.
        let deleted = Set(ledger.lazy.filter { $0.status == .gone && !$0.sha256.isEmpty }.map(\.sha256))
        // A copy of a file still on disk is one the reading again finds for itself.
        let onDisk = Set(ledger.lazy.filter { $0.status == .present && files[$0.path] != nil }.map(\.sha256))
        var copies = Set<String>()
        for line in ledger where line.status == .duplicate && deleted.contains(line.sha256) && !onDisk.contains(line.sha256) {
            guard let file = files[line.path], SHA256.hexDigest(ofFile: file) == line.sha256 else { continue }
            copies.insert(line.path)
        }
        return copies
    }
}
