/// What a nightly run knows of one path (`SourceIngestor.paths`): the file there, the ledger's line for it,
/// and what the run decided for it.
struct RunPath {
    /// The file's place in `SourceIngestor.files`; nil for a path no source matches now.
    var file: Int?
    /// The ledger line's place in `SourceIngestor.ledgerLines`, until the file is decided; nil when there is none.
    var line: Int?
    /// Once the file is decided, whether its contribution is read again and replaced (a whole reading).
    var replacing: Bool?
    /// Whether the run looked at the file afresh before its turn (whether its line stands, whether it still holds
    /// the bytes a copy has): what `StatusPrefetch` saw earlier is then no guide to it, and its turn looks again.
    var lookedAtEarly = false
    /// Counted unchanged this run, and read this run for runs that ended in another file (`settle(_:endedIn:store:summary:)`):
    /// the summary states such a file as read, once.
    var countedUnchanged = false
    var readForEndedRuns = false
}
