import KoukaStore
import Testing

/// The job-run ledger: every run of a job, oldest first.
struct JobRunLedgerTests {
    @Test func jobRunsRoundTripInOrder() throws {
        let store = try KoukaStore(path: ":memory:")
        #expect(try store.jobRuns().isEmpty)
        let runs = [
            JobRunRecord(job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00", endedAt: "2024-04-02T02:01:10+09:00",
                         filesRead: 12, rowsRead: 3_456, rowsRejected: 3, exitCode: 1),
            JobRunRecord(job: "kouka-report", startedAt: "2024-04-02T06:00:00+09:00", endedAt: "2024-04-02T06:00:02+09:00",
                         filesRead: 0, rowsRead: 0, rowsRejected: 0, exitCode: 0),
            JobRunRecord(job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00", endedAt: "2024-04-03T02:00:01+09:00",
                         filesRead: 1, rowsRead: 0, rowsRejected: 0, exitCode: 75),
        ]
        for run in runs { try store.recordJobRun(run) }
        #expect(try store.jobRuns() == runs)
    }
}
