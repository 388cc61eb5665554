
/// The cron contract's exit codes, and the one place errors are mapped to them.
package enum KoukaExitCode: Int32, Sendable, Codable {
    /// Done.
    case done = 0
    /// Done, with rejected rows, rejected files or unmapped names to look at.
    case doneWithFindings = 1
    /// Bad arguments or configuration: nothing was done.
    case usage = 64
    /// Data (such as the task catalog) stopped the run.
    case dataError = 65
    /// An output (database, report) could not be written.
    case cannotWrite = 73
    /// An input (the store, or a log the run cannot go on without) could not be read: the disk failed, or it changed
    /// while it was read.
    case ioError = 74
    /// Another run holds the lock.
    case locked = 75

    /// The exit code for an error that ended a job.
    package static func code(for error: any Error) -> KoukaExitCode {
        switch error {
        case is ConfigurationError, is PeriodNotBegun: .usage
        case is CatalogError, is NoFinishedNightlyRun, is RollupsEdited, is RollupDigestsRemoved: .dataError
        case let store as StoreError:
            store.isOutputFailure ? .cannotWrite : store.isInputFailure ? .ioError : store.isBusy ? .locked : .dataError
        case is OutputError, is OutputRefused, is XLSXError: .cannotWrite
        case is LockHeld, is UnfinishedNight, is ReadingAwaited, is StoreAwaitsReading: .locked
        // A log that had to be read for the run to go on (read again for runs that ended in another) and could not be.
        case is NightlyLockUnreadable, is InputError, is SourcesVanished, is StoreMissing, is ReportedFileUnreadable: .ioError
        default: .dataError
        }
    }
}
