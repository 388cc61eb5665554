
/// The SHA-256 a report states for a file it was computed from (the catalog, the systems register): an auditor
/// traces the figures to those bytes, so a file that cannot be hashed stops the report rather than print an
/// empty digest.
package enum ReportedFileDigest {
    package static func sha256(of path: String) throws -> String {
        guard let digest = SHA256.hexDigest(ofFile: path) else {
            throw InputError.cannotRead(path: path, reason: "it was read but could not be read again for its SHA-256; check the disk and run again")
        }
        return digest
    }

    /// What `load` makes of the file at `path`, with the SHA-256 of the bytes it read: taken just before and just after,
    /// so that a file replaced meanwhile (a catalog saved from Excel while a report waits for the nightly run) stops the
    /// job instead of a report stating one file's digest over the other's baselines.
    package static func loading<T>(_ path: String, _ load: (String) throws -> T) throws -> (value: T, sha256: String) {
        let before = try sha256(of: path)
        let value = try load(path)
        guard try sha256(of: path) == before else {
            throw InputError.cannotRead(path: path, reason: "it changed while it was read; run again once it is saved")
        }
        return (value, before)
    }
}
