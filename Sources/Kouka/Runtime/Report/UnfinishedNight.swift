/// The last nightly run did not finish (it was killed, failed, or was stopped before its last file) after it recorded
/// some files: those are in the store while the rest of that night's are not. A report or an audit made then would
/// state part of a night with exit 0; it stops instead (75), until a nightly run has finished the night. A run that
/// recorded nothing (a full disk at its first commit) left the store as the night before, which is reported.
package struct UnfinishedNight: Error, Sendable, Equatable, CustomStringConvertible {
    package var startedAt: String
    /// `running` (killed, or the machine stopped), `failed`, or `stopped` (a stop request before its last file).
    package var how: String

    package var description: String {
        "the last kouka-nightly run (started \(startedAt)) did not finish (\(how)): the store holds only part of that night; run kouka-nightly, which finishes it, then run this again"
    }

    /// The last nightly run of `store` when it did not finish and recorded files or rejected rows, else nil.
    static func of(_ store: KoukaStore) throws -> UnfinishedNight? {
        guard let last = try store.jobRuns().last(where: { $0.job == NightlyJob.job }), last.state != .finished || last.interrupted,
              try store.wroteAnything(jobRun: last.id) else { return nil }
        let how = switch last.state {
        case .finished: "stopped before its last file"
        case .running: "killed, or the machine stopped"
        default: last.state.rawValue
        }
        return UnfinishedNight(startedAt: last.startedAt, how: how)
    }
}
