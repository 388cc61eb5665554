import Dispatch

/// The sources' files, found on a second thread while the job's thread opens the store and reads its ledger: on a
/// night over a city's 18,260 unchanged daily logs, listing the folders, naming each file as reports do, looking for
/// files matched twice and making the table of their paths took a fifth of the run, all before the ledger was read.
///
/// The files are the same as when found first: the same expansion (`SourceMatches.expand`, `once`), in the same
/// order, and an error of the configuration (a required source that matches nothing) is thrown by `files()` before
/// the run writes anything to the store.
final class SourceExpansion: @unchecked Sendable {
    /// The files each once, in order, with the names reports give them.
    struct Found {
        var files: [(path: String, spec: SourceSpec)]
        var displays: [String]
        var matchedTwice: [NightlySummary.FileProblem]
        var missing: [SourceMatches.Missing]
        /// The files looked at from the last one backwards, once found, when `prefetching` asked for it.
        var prefetch: StatusPrefetch?
    }

    /// Written by the worker before it leaves `done`; read by the job's thread only after waiting for it.
    private var found: Result<Found, ConfigurationError>?
    /// The files' paths as the ledger knows them (`SourceIngestor.expected`), made with `prefetching`: the files are then
    /// decided in the order they were found. Kept apart from `found`, to be handed over without a copy (the run changes it).
    private var expected: [String: RunPath]?
    private let done = DispatchGroup()

    /// Starts finding the files of `configuration`'s sources; with `prefetching`, the worker then starts looking at
    /// them too (`StatusPrefetch`), as soon as they are found.
    init(_ configuration: Configuration, prefetching: Bool) {
        done.enter()
        DispatchQueue.global().async { [self] in
            found = Result { () throws(ConfigurationError) -> Found in
                let base = DisplayPath.base(ofConfiguration: configuration.path)
                let matches = try SourceMatches.expand(configuration)
                let folder = DisplayPath.Folder(base)
                let (files, displays, matchedTwice) = SourceMatches.once(
                    matches.files, displays: matches.files.map { folder.display($0.path) }, base: base)
                if prefetching { expected = SourceIngestor.expected(displays) }
                return Found(files: files, displays: displays, matchedTwice: matchedTwice, missing: matches.missing,
                             prefetch: prefetching ? StatusPrefetch(paths: files.map(\.path)) : nil)
            }
            done.leave()
        }
    }

    /// Waits for the files; throws the configuration's error when a required source matches nothing.
    func files() throws(ConfigurationError) -> Found {
        done.wait()
        return try found!.get()
    }

    /// The paths of the files found, for `SourceIngestor.expect`, when made (`prefetching`); nil after, or else.
    func takeExpected() -> [String: RunPath]? {
        done.wait()
        return expected.take()
    }
}
