extension KoukaStore {
    /// Runs `body`, which records several files, in one transaction: each file's own write (its ledger line,
    /// rollups and run ids) stays whole inside it, and the batch is on disk entirely or not at all. A city's
    /// history is thousands of small daily logs, and a commit for each cost more than recording it.
    package func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }

    /// How many transactions this store has committed (a nested one is not a commit): tests count them.
    package var commits: Int { db.commits }
}
