
/// The SHA-256 a report states for a file it was computed from (the catalog, the systems register): an auditor
/// traces the figures to those bytes, so a file that cannot be hashed stops the report rather than print an
/// empty digest.
package enum ReportedFileDigest {
    private static func sha256(of path: String) throws -> String {
        guard let digest = SHA256.hexDigest(ofFile: path) else {
            throw ReportedFileUnreadable(path: path, reason: "it was read, then could not be read again for its SHA-256; check the disk and run again")
        }
        return digest
    }

    /// What `load` makes of the file at `path`, with the SHA-256 of the bytes it read: taken just before and just after,
    /// so that a file replaced meanwhile (a catalog saved from Excel while a report waits for the nightly run) stops the
    /// job instead of a report stating one file's digest over the other's baselines.
    package static func loading<T>(_ path: String, _ load: (String) throws -> T) throws -> (value: T, sha256: String) {
        guard let before = SHA256.hexDigest(ofFile: path) else {
            // Missing, a folder, not readable by the job's user: the loader's own error says which and what to set, as the
            // nightly job's does (helper-159 #1: a catalog moved away was named a disk fault, 74, by the report and audit).
            _ = try load(path)
            throw ReportedFileUnreadable(path: path, reason: "its SHA-256 could not be computed; check the disk and run again")
        }
        let value = try load(path)
        guard try sha256(of: path) == before else {
            throw ReportedFileUnreadable(path: path, reason: "it changed while it was read; run again once it is saved")
        }
        return (value, before)
    }
}
