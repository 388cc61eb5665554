/// The job-run ledger's line for one run of a job. A run is recorded when it starts and completed when it
/// ends, so that one that never ended (killed, crashed, the power lost) still shows.
package struct JobRunRecord: Sendable, Hashable, Codable {
    /// Where a run got to.
    package enum State: String, Sendable, Codable {
        /// Started, not ended: the run is going on, or it died and no later run has looked yet.
        case running
        /// Ended and printed its summary (with `exitCode`).
        case finished
        /// Stopped by an error (with `exitCode`); its summary said only the error.
        case failed
        /// Found still running by a later run of the same job, which held the job's lock: it ended without
        /// finishing (`kill -9`, a crash, the power lost), so it has no end and no exit code.
        case killed
    }

    /// The ledger's id (0 for a line not read from the store).
    package var id: Int64
    package var job: String
    package var startedAt: String
    /// Nil while running, and for a run that was killed.
    package var endedAt: String?
    package var filesRead: Int
    package var rowsRead: Int
    package var rowsRejected: Int
    /// Nil while running, and for a run that was killed.
    package var exitCode: Int32?
    /// Stopped early by SIGTERM or SIGINT, between files.
    package var interrupted: Bool
    package var state: State
    /// Whether a finished run's summary has stated what this run wrote that is to be looked at (rejected
    /// rows, rejected or duplicate files, unmapped names): true for a run that finished (but one whose summary file could
    /// not be written), and for one that did not once a later run has finished and stated them.
    package var noticesReported: Bool

    package init(
        id: Int64 = 0, job: String, startedAt: String, endedAt: String?, filesRead: Int, rowsRead: Int, rowsRejected: Int, exitCode: Int32?,
        interrupted: Bool = false, state: State = .finished, noticesReported: Bool = true
    ) {
        self.id = id
        self.job = job
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.filesRead = filesRead
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.exitCode = exitCode
        self.interrupted = interrupted
        self.state = state
        self.noticesReported = noticesReported
    }
}
