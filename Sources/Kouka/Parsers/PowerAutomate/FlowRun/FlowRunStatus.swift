
/// A cloud flow run's `status`, by name: the run history guide names Success, Failed and Cancelled; the
/// flow engine's own names (Succeeded, TimedOut, …) are read the same way.
enum FlowRunStatus {
    case finished(Outcome)
    /// Still running: the row waits, then counts as `unfinished` past the allowed age.
    case waiting
    case unknown

    init(_ text: String) {
        switch text.lowercased() {
        case "success", "succeeded": self = .finished(.success)
        case "failed", "faulted", "timedout", "aborted", "terminated": self = .finished(.failure)
        case "cancelled", "canceled", "skipped": self = .finished(.cancelled)
        case "running", "waiting", "paused", "suspended": self = .waiting
        default: self = .unknown
        }
    }
}
