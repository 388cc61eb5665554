extension KoukaStore {
    /// The work SQLite did for the statements this store has run so far: what a test of a per-file step's
    /// cost compares between the first files of an ingest and the last.
    package var sqliteWork: SQLiteWork { db.work }
}
