/// The job-run ledger's line for one run of a job.
public struct JobRunRecord: Sendable, Hashable, Codable {
    public var job: String
    public var startedAt: String
    public var endedAt: String
    public var filesRead: Int
    public var rowsRead: Int
    public var rowsRejected: Int
    public var exitCode: Int32

    public init(job: String, startedAt: String, endedAt: String, filesRead: Int, rowsRead: Int, rowsRejected: Int, exitCode: Int32) {
        self.job = job
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.filesRead = filesRead
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.exitCode = exitCode
    }
}
