extension KoukaStore {
    /// Since when each Kouka version has read this store (seconds since the epoch), by version (migration v32): a version
    /// before one of them refuses the store from then on.
    package func readBySince() throws -> [(version: String, at: Double)] {
        var found: [(String, Double)] = []
        try db.prepare("SELECT version, at FROM read_by_since", reading: "read_by_since").query { found.append((try $0.text(0), try $0.double(1))) }
        return found
    }
}
