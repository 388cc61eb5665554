extension KoukaStore {
    /// Since when each Kouka version has read this store (seconds since the epoch), by version: from the migration that
    /// made the table (v32) for 0.5.6 and 0.5.7, which a version before refuses from then on, and from 0.5.9 on from each
    /// version's first nightly run (`beginJobRun`), after which an earlier version's set of the store is not one it made.
    package func readBySince() throws -> [(version: String, at: Double)] {
        var found: [(String, Double)] = []
        try db.prepare("SELECT version, at FROM read_by_since", reading: "read_by_since").query { found.append((try $0.text(0), try $0.double(1))) }
        return found
    }
}
