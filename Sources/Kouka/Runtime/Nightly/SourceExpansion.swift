/// The sources' files, found on a second thread (`BackgroundWork`) while the job's thread opens the store and reads its
/// ledger: on a night over a city's 18,260 unchanged daily logs, listing the folders, naming each file as reports do,
/// looking for files matched twice and making the table of their paths took a fifth of the run, all before the ledger
/// was read.
///
/// The files are the same as when found first: the same expansion (`SourceMatches.expand`, `once`), in the same
/// order, and an error of the configuration (a required source that matches nothing) is thrown by `files()` before
/// the run writes anything to the store.
final class SourceExpansion {
    /// The files each once, in order, with the names reports give them.
    struct Found {
        var files: [(path: String, spec: SourceSpec)]
        var displays: [String]
        var matchedTwice: [NightlySummary.FileProblem]
        var missing: [SourceMatches.Missing]
        /// The files looked at from the last one backwards, once found, when `prefetching` asked for it.
        var prefetch: StatusPrefetch?
    }

    /// The files' paths as the ledger knows them (`SourceIngestor.expected`), made by the worker with `prefetching`.
    /// Kept in a box of their own, not in `Found`: the work keeps its value, and a table shared with it would be copied
    /// whole when the run first changes it.
    private final class ExpectedPaths {
        var table: [String: RunPath]?
    }

    private let work: BackgroundWork<Found>
    private let expected = ExpectedPaths()

    /// Starts finding the files of `configuration`'s sources. With `prefetching` (the files are to be decided in the order
    /// they are found), the worker also makes the table of their paths and starts looking at them (`StatusPrefetch`).
    init(_ configuration: Configuration, prefetching: Bool) {
        let expected = expected
        work = BackgroundWork {
            let base = DisplayPath.base(ofConfiguration: configuration.path)
            let matches = try SourceMatches.expand(configuration)
            let folder = DisplayPath.Folder(base)
            let (files, displays, matchedTwice) = SourceMatches.once(
                matches.files, displays: matches.files.map { folder.display($0.path) }, base: base)
            if prefetching { expected.table = SourceIngestor.expected(displays) }
            return Found(files: files, displays: displays, matchedTwice: matchedTwice, missing: matches.missing,
                         prefetch: prefetching ? StatusPrefetch(paths: files.map(\.path)) : nil)
        }
    }

    /// Waits for the files; throws the configuration's error when a required source matches nothing.
    func files() throws -> Found {
        try work.value()
    }

    /// The paths of the files found, for `SourceIngestor.expect`, when made (`prefetching`); nil after, or else.
    func takeExpected() -> [String: RunPath]? {
        work.waitUntilDone()
        return expected.table.take()
    }
}
