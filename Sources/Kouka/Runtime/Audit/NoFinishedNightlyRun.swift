
/// Verify found a store whose ledger names files but no nightly run that finished: its first runs were killed or failed,
/// or the records of its runs were removed outside Kouka. A store that does not hold what it should (65), not a bad
/// argument or configuration (64, as it was: helper-145 #4).
package struct NoFinishedNightlyRun: Error, Sendable, Equatable, CustomStringConvertible {
    package var database: String

    package var description: String {
        "the store \(database) records no finished nightly run to verify against, though its ledger names files a run read: its runs were killed or failed before one finished, or their records (table job_runs) were removed outside Kouka. Run kouka-nightly (it names a store changed outside Kouka under storeEditedSince) and verify once it has finished"
    }
}
