/// The job-run ledger's line for one run of a job.
public struct JobRunRecord: Sendable, Hashable, Codable {
    public var job: String
    public var startedAt: String
    public var endedAt: String
    public var filesRead: Int
    public var rowsRead: Int
    public var rowsRejected: Int
    public var exitCode: Int32
    /// Stopped early by SIGTERM or SIGINT, between files.
    public var interrupted: Bool

    public init(job: String, startedAt: String, endedAt: String, filesRead: Int, rowsRead: Int, rowsRejected: Int, exitCode: Int32, interrupted: Bool = false) {
        self.job = job
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.filesRead = filesRead
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.exitCode = exitCode
        self.interrupted = interrupted
    }
}
