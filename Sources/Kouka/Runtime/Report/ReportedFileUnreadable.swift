
/// A file a report or an audit states the SHA-256 of (the catalog, the systems register) that could not be hashed,
/// or that changed while it was read: the job stops (74) rather than state one file's digest over another's figures.
package struct ReportedFileUnreadable: Error, Sendable, Equatable, CustomStringConvertible {
    package let path: String
    /// Why, and what to do.
    package let reason: String

    package var description: String { "\(path): \(reason)" }
}
