extension KoukaStore {
    /// Settings for a run that records thousands of files, each in a savepoint of its batch's transaction.
    ///
    /// - `temp_store = MEMORY`: a savepoint keeps the pages it changes in a sub-journal so it can be undone
    ///   alone; on disk that journal was a temporary file written page by page, 60 % of the nightly job's
    ///   writes on a city's 18,260 daily logs (388,029 `pwrite` calls, 132,312 without it).
    /// - `wal_autocheckpoint = 10000`: the WAL is copied into the database every 40 MB rather than every
    ///   4 MB, so a page the batches keep changing (the ledger's indexes) is copied once instead of ten times.
    ///
    /// Neither changes what a killed run leaves: each commit is in the WAL as before, and each file is recorded
    /// whole or not at all. A power cut can lose more of the last commits (`synchronous = NORMAL` syncs the WAL at
    /// checkpoints): the store comes back as it was at an earlier commit, and the next run reads those files again.
    package func tuneForBatchWriting() throws {
        try db.execute("PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000")
    }

    /// Settings for a store that is thrown away once read: the one verification reads the logs again into
    /// (`VerifyReplay`). Nothing reads it after a crash, so it keeps no journal on disk, syncs nothing, and holds its
    /// lock until closed. What is written, and the rollback of a file's savepoint, are as in any store: at 170 MB of
    /// logs the run took 7 % less time (0.554 → 0.512 s, UiPath; 0.756 → 0.706 s, WinActor).
    package func tuneForScratch() throws {
        try db.execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE")
    }

    /// The connection's journal mode, as SQLite names it (`wal`, `memory`).
    package func journalMode() throws -> String {
        var mode = ""
        try db.prepare("PRAGMA journal_mode").query { mode = try $0.text(0) }
        return mode
    }
}
