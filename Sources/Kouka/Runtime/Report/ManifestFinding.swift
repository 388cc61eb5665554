/// One way a report folder differs from its `SHA256SUMS`.
package struct ManifestFinding: Sendable, Codable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Codable {
        /// A listed file whose bytes are not the ones listed.
        case changed
        /// A listed file that is not there.
        case missing
        /// A file (or anything else) in the folder that the manifest does not list.
        case unlisted
        /// A listed file, or the manifest, that cannot be read (a symbolic link, a folder, no permission).
        case unreadable
        /// The folder has no `SHA256SUMS`: nothing in it can be checked.
        case noManifest = "no-manifest"
        /// A line of `SHA256SUMS` that is not `<64 hex digits>  <file name>`.
        case badLine = "bad-line"
    }

    package var kind: Kind
    /// The report file's path (for `noManifest` and `badLine`, the manifest's).
    package var path: String
    /// The SHA-256 the manifest lists (for `badLine`, the line).
    package var listed: String?
    /// The SHA-256 of the file as it is now, or what was found instead.
    package var found: String?

    package init(kind: Kind, path: String, listed: String? = nil, found: String? = nil) {
        self.kind = kind
        self.path = path
        self.listed = listed
        self.found = found
    }

    package var description: String {
        switch kind {
        case .changed: "\(path) changed after it was written: its SHA-256 is \(found ?? "?"), SHA256SUMS lists \(listed ?? "?")"
        case .missing: "\(path) is listed in SHA256SUMS but is not there"
        case .unlisted: "\(path) is in the report folder but SHA256SUMS does not list it"
        case .unreadable: "\(path) cannot be read as a file (\(found ?? "?")), so it cannot be checked"
        case .noManifest: "\(path) is missing: the report files beside it cannot be checked; run kouka-report again to write the set with its manifest"
        case .badLine: "\(path) has a line that is not '<SHA-256>  <file name>': \(listed ?? "")"
        }
    }
}
