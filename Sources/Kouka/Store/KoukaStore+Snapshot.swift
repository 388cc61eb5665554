/// Reading the store as one snapshot while another process (a nightly run) writes to it.
extension KoukaStore {
    /// Runs `body` with every read of this store in one read transaction, so that it sees the store as it was
    /// when `body` began, whatever other connections commit meanwhile: a report reads the ledger, the rollups
    /// of each period and the repeated runs of the same night. In WAL mode a read transaction's snapshot is
    /// fixed by its first read, which is made here before `body` runs. `body` must not write to this store,
    /// nor call `withSnapshot` again.
    package func withSnapshot<T>(_ body: () throws -> T) throws -> T {
        try db.execute("BEGIN DEFERRED")
        do {
            try db.prepare("SELECT count(*) FROM migrations", reading: "migrations").query { _ in }
            let result = try body()
            try db.execute("COMMIT")
            return result
        } catch {
            // Ending a read transaction loses nothing, whether or not it ends cleanly: the error that stopped
            // `body` is the one to report.
            do {
                try db.execute("ROLLBACK")
            } catch {
                // Nothing was written in it.
            }
            throw error
        }
    }
}
