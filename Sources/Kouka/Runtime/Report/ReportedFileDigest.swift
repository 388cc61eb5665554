
/// The SHA-256 a report states for a file it was computed from (the catalog, the systems register): an auditor
/// traces the figures to those bytes, so a file that cannot be hashed stops the report rather than print an
/// empty digest.
enum ReportedFileDigest {
    static func sha256(of path: String) throws -> String {
        guard let digest = SHA256.hexDigest(ofFile: path) else {
            throw InputError.cannotRead(path: path, reason: "it was read but could not be read again for its SHA-256; check the disk and run again")
        }
        return digest
    }
}
