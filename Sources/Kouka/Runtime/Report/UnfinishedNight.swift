/// A nightly run did not finish (it was killed, failed, or was stopped before its last file) after it recorded some
/// files, and no run has finished a night since: those files are in the store while the rest of that night's are not.
/// A report or an audit made then would state part of a night with exit 0; it stops instead (75), until a nightly run
/// has finished the night. A run that recorded nothing (a full disk at its first commit, killed as it started) left the
/// store as it found it: the run before it decides.
package struct UnfinishedNight: Error, Sendable, Equatable, CustomStringConvertible {
    package var startedAt: String
    /// `running` (killed, or the machine stopped), `failed`, or `stopped` (a stop request before its last file).
    package var how: String

    package var description: String {
        "the kouka-nightly run started \(startedAt) did not finish (\(how)), and no run has finished a night since: the store holds only part of that night; run kouka-nightly, which finishes it, then run this again"
    }

    /// The latest nightly run of `store` that did not finish and recorded files or rejected rows, when no run has
    /// finished since (one killed, failed or stopped after it, recording nothing, finishes nothing), else nil.
    static func of(_ store: KoukaStore) throws -> UnfinishedNight? {
        for run in try store.jobRuns().reversed() where run.job == NightlyJob.job {
            if run.state == .finished && !run.interrupted { return nil }
            if try store.wroteAnything(jobRun: run.id) { return UnfinishedNight(startedAt: run.startedAt, how: Self.how(run)) }
        }
        return nil
    }

    private static func how(_ last: JobRunRecord) -> String {
        switch last.state {
        case .finished: "stopped before its last file"
        case .running: "killed, or the machine stopped"
        default: last.state.rawValue
        }
    }
}
