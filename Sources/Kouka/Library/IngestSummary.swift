/// What one ingest (`Kouka.ingest`, the nightly job's work) did: files and rows, and the files not counted.
public struct IngestSummary: Sendable, Hashable {
    /// Files the sources matched.
    public var filesSeen: Int
    /// Files read, whole or from where the last ingest stopped (appended).
    public var filesRead: Int
    /// Files left alone because they had not changed since the last ingest.
    public var filesUnchanged: Int
    /// Records read.
    public var rowsRead: Int
    /// Records counted.
    public var rowsAccepted: Int
    /// Records rejected.
    public var rowsRejected: Int
    /// Each rejected record with its file, line and reason.
    public var rejections: [Rejection]
    /// Files nothing of which counts (not their configured format, unreadable), by path, with why.
    public var filesNotCounted: [String: String]
    /// Run names no catalog row maps: they saved nothing until the catalog names them.
    public var unmappedNames: [String]
    /// Whether there is nothing to look at: no rejected row or file, no unmapped name, no file in doubt.
    /// The nightly job exits 0 exactly when this is true.
    public var isClean: Bool

    package init(_ summary: NightlySummary) {
        filesSeen = summary.filesSeen
        filesRead = summary.filesRead + summary.filesAppended
        filesUnchanged = summary.filesUnchanged
        rowsRead = summary.rowsRead
        rowsAccepted = summary.rowsAccepted
        rowsRejected = summary.rowsRejected
        rejections = summary.rejections
        var notCounted: [String: String] = [:]
        for problem in summary.filesRejected + summary.filesUnreadable { notCounted[problem.path] = problem.reason }
        filesNotCounted = notCounted
        unmappedNames = summary.unmapped.map(\.name).sorted()
        isClean = summary.exitCode == .done
    }
}
