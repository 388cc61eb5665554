
/// Dataverse `flowsession.statuscode`, given as its number or its label.
enum FlowSessionStatus {
    case finished(Outcome)
    case unfinished
    case unknown

    init(_ text: String) {
        switch text.lowercased() {
        case "4", "succeeded": self = .finished(.success)
        case "7", "cancelled", "canceled", "5", "skipped", "12", "ignored": self = .finished(.cancelled)
        case "8", "failed", "9", "faulted", "10", "timedout", "11", "aborted", "14", "terminated": self = .finished(.failure)
        case "1", "notspecified", "2", "paused", "3", "running", "6", "suspended": self = .unfinished
        default: self = .unknown
        }
    }
}
