
/// What an Orchestrator job `State` or queue item `Status` says of a run, by its name as the OData API and
/// the Jobs page write it. Numbers are not read: the enum's order differs between versions' documentation,
/// and a guessed mapping would count a failure as a success unseen.
enum OrchestratorStatus: Equatable {
    case finished(Outcome)
    /// Orchestrator may still change it: the row waits, then counts as `unfinished` past the allowed age.
    case waiting
    case unknown

    /// A job's `State`: Successful, Faulted, Stopped; Pending, Running, Stopping, Terminating, Suspended and
    /// Resumed have not finished.
    init(jobState text: String) {
        switch text.lowercased() {
        case "successful": self = .finished(.success)
        case "faulted": self = .finished(.failure)
        case "stopped": self = .finished(.cancelled)
        case "pending", "running", "stopping", "terminating", "suspended", "resumed": self = .waiting
        default: self = .unknown
        }
    }

    /// A queue item's `Status`. Retried is a failed attempt (Orchestrator adds the retry as an item of its
    /// own); Abandoned is an item left In Progress that Orchestrator itself gave up on, so it never finished;
    /// Deleted was withdrawn before it was processed. New and InProgress have not finished.
    init(queueItemStatus text: String) {
        switch text.lowercased() {
        case "successful": self = .finished(.success)
        case "failed", "retried": self = .finished(.failure)
        case "abandoned": self = .finished(.unfinished)
        case "deleted": self = .finished(.cancelled)
        case "new", "inprogress": self = .waiting
        default: self = .unknown
        }
    }
}
