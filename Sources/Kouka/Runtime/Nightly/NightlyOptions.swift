import Foundation

/// How `kouka-nightly` was asked to run.
package struct NightlyOptions: Sendable {
    /// Say what would be read; write nothing.
    package var dryRun = false
    /// Read again, whole, every file with runs on or after this date.
    package var since: LocalDate?
    /// Rejected rows or files make the run fail (exit 65) instead of exit 1.
    package var strict = false
    /// Mark as gone the counted files no longer at their paths even when most of the store's vanished at once
    /// (`SourcesVanished`): they were archived on purpose.
    package var acceptGone = false
    /// Begin a store at the configured path although the report folder holds sets made from one (`StoreMissing`): a store
    /// built again on purpose, from the logs still on disk.
    package var newStore = false
    /// Go on, and have verification list it as accepted, when the store's ledger or quarantine was changed outside Kouka
    /// since the last run (`LedgerSealCheck`): the change was looked into and is known.
    package var acceptStoreEdits = false
    /// Show a progress line (only ever on a terminal).
    package var progress = false
    /// The local date taken as today, and the time taken as now (tests fix them).
    package var today: LocalDate?
    package var now: Date?
    /// Called with each file's index before the file is decided, and with the number of files once every
    /// file is recorded, while the store is open: tests read the store's `sqliteWork` there, file by file.
    package var fileObserver: (@Sendable (_ index: Int, _ store: KoukaStore) -> Void)?
    /// Called with each file's path as the ledger knows it once the file is decided (its size taken) and before it is read:
    /// tests write to a log there, as a robot does while the nightly run reads it.
    package var afterDeciding: (@Sendable (_ display: String) -> Void)?
    /// A rank for files by the path the ledger knows them by: they are read in its order, those without one after, in
    /// the sources' order. Verification reads the logs again in the order the store first recorded them, so that of
    /// two files that hold one run (or the same bytes) the one that counts it is the store's.
    package var order: [String: Int64] = [:]
    /// Files by the path the ledger would know them by that the run leaves unread, as if they were not there yet:
    /// verification leaves out the files that arrived after the nightly run it reads the logs as of.
    package var leavingOut: Set<String> = []
    /// The store is thrown away once the run is read (verification's reading of the logs again): it is written without a
    /// journal on disk or syncs (`KoukaStore.tuneForScratch`).
    package var scratchStore = false

    package init(dryRun: Bool = false, since: LocalDate? = nil, strict: Bool = false, progress: Bool = false, today: LocalDate? = nil, now: Date? = nil) {
        self.dryRun = dryRun
        self.since = since
        self.strict = strict
        self.progress = progress
        self.today = today
        self.now = now
    }
}
