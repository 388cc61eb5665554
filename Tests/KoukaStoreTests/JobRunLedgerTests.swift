@testable import Kouka
import Testing

/// The job-run ledger: every run of a job, oldest first, recorded when it starts; what a run that never
/// ended wrote stays known until a run that ends has stated it.
struct JobRunLedgerTests {
    typealias F = StoreFixtures

    @Test func jobRunsRoundTripInOrder() throws {
        let store = try KoukaStore(path: ":memory:")
        #expect(try store.jobRuns().isEmpty)
        var runs = [
            JobRunRecord(job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00", endedAt: "2024-04-02T02:01:10+09:00",
                         filesRead: 12, rowsRead: 3_456, rowsRejected: 3, exitCode: 1),
            JobRunRecord(job: "kouka-report", startedAt: "2024-04-02T06:00:00+09:00", endedAt: "2024-04-02T06:00:02+09:00",
                         filesRead: 0, rowsRead: 0, rowsRejected: 0, exitCode: 0),
            JobRunRecord(job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00", endedAt: "2024-04-03T02:00:01+09:00",
                         filesRead: 1, rowsRead: 0, rowsRejected: 0, exitCode: 75),
        ]
        for index in runs.indices { runs[index].id = try store.recordJobRun(runs[index]) }
        #expect(try store.jobRuns() == runs)
    }

    @Test func aLedgerWrittenBeforeRunsWereRecordedAtTheirStartKeepsItsLinesAsFinished() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        do {
            // The schema as the Kouka before this change left it, with one run in the ledger.
            let db = try SQLiteConnection(path: path)
            try db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY)")
            for migration in Migrations.all.prefix(while: { $0.name != "v5" }) {
                try db.execute(migration.sql)
                try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(migration.name)])
            }
            try db.execute("""
                INSERT INTO job_runs (job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code, interrupted)
                VALUES ('kouka-nightly', '2024-04-02T02:00:00+09:00', '2024-04-02T02:00:09+09:00', 3, 40, 2, 1, 0)
                """)
        }
        let store = try KoukaStore(path: path)
        #expect(try store.jobRuns() == [JobRunRecord(id: 1, job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00",
                                                     endedAt: "2024-04-02T02:00:09+09:00", filesRead: 3, rowsRead: 40, rowsRejected: 2, exitCode: 1)])
        #expect(try store.unreportedJobRuns(job: "kouka-nightly").isEmpty)
        _ = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00")
        #expect(try store.jobRuns().map(\.state) == [.finished, .running])
    }

    @Test func aRunThatNeverEndedIsFoundKilledAndWhatItWroteStaysUnstatedUntilARunEnds() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let killed: Int64
        do {
            // Written, then the process dies: no end for the run.
            let store = try KoukaStore(path: path)
            killed = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00")
            try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)],
                                          rejections: [Rejection(file: "a.log", line: 4, reason: "not a date")])
            try store.replaceContribution(of: F.record("b.log", status: .rejected, reason: "not a UiPath log"), rollups: [:],
                                          rejections: [Rejection(file: "b.log", line: 0, reason: "not a UiPath log")])
        }
        let store = try KoukaStore(path: path)
        #expect(try store.jobRuns().map(\.state) == [.running])
        let next = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00")
        let ledger = try store.jobRuns()
        #expect(ledger.map(\.state) == [.killed, .running])
        #expect(ledger[0].endedAt == nil && ledger[0].exitCode == nil && !ledger[0].noticesReported)
        #expect(try store.unreportedJobRuns(job: "kouka-nightly").map(\.id) == [killed])
        #expect(try store.unreportedJobRuns(job: "kouka-report").isEmpty)
        #expect(try store.rejections(writtenBy: [killed]).map { "\($0.file):\($0.line)" } == ["a.log:4", "b.log:0"])
        #expect(try store.sources(writtenBy: [killed]).map(\.path) == ["a.log", "b.log"])
        #expect(try store.rollups(ofSource: store.source(path: "a.log")!.id).map(\.totals.events) == [2])

        // It appends to a.log: the part read before is still the killed run's to state, the rows appended its own.
        try store.appendContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(1)],
                                     rejections: [Rejection(file: "a.log", line: 12, reason: "not a date")])
        #expect(try store.sources(writtenBy: [killed]).map(\.path) == ["a.log", "b.log"])
        #expect(try store.rejections(writtenBy: [next]).map(\.line) == [12])
        // It reads b.log again, whole: that file is its own now, no longer the killed run's to state.
        try store.replaceContribution(of: F.record("b.log"), rollups: [F.key(F.april1): F.totals(1)], rejections: [])
        #expect(try store.sources(writtenBy: [killed]).map(\.path) == ["a.log"])
        #expect(try store.rejections(writtenBy: [killed]).map(\.line) == [4])
        #expect(try store.sources(writtenBy: [next]).map(\.path) == ["b.log"])

        try store.endJobRun(JobRunRecord(id: next, job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00", endedAt: "2024-04-03T02:00:05+09:00",
                                         filesRead: 1, rowsRead: 1, rowsRejected: 0, exitCode: 1), reporting: [killed])
        #expect(try store.unreportedJobRuns(job: "kouka-nightly").isEmpty)
        let ended = try store.jobRuns()
        #expect(ended.map(\.state) == [.killed, .finished])
        #expect(ended.map(\.noticesReported) == [true, true])
        #expect(ended[1].exitCode == 1 && ended[1].endedAt == "2024-04-03T02:00:05+09:00" && ended[1].filesRead == 1)
        #expect(store.jobRunID == nil)

        // Once stated, a file appended to is the appending run's.
        let third = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-04T02:00:00+09:00")
        try store.appendContribution(of: F.record("a.log"), rollups: [:], rejections: [])
        #expect(try store.sources(writtenBy: [third]).map(\.path) == ["a.log"])
        #expect(try store.sources(writtenBy: [killed]).isEmpty)
    }

    @Test func aRunThatFailedStaysUnstatedAndRowsWrittenWithoutARunAreNotAsked() throws {
        let store = try KoukaStore(path: ":memory:")
        // Written outside any run (as before job runs were recorded at their start): nobody's to state.
        try store.replaceContribution(of: F.record("old.log"), rollups: [:], rejections: [Rejection(file: "old.log", line: 2, reason: "r")])
        let failed = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00")
        try store.replaceContribution(of: F.record("a.log"), rollups: [:], rejections: [Rejection(file: "a.log", line: 7, reason: "r")])
        try store.endJobRun(JobRunRecord(id: failed, job: "kouka-nightly", startedAt: "2024-04-02T02:00:00+09:00", endedAt: "2024-04-02T02:00:01+09:00",
                                         filesRead: 0, rowsRead: 0, rowsRejected: 0, exitCode: 65, state: .failed, noticesReported: false),
                            reporting: [])
        _ = try store.beginJobRun(job: "kouka-nightly", startedAt: "2024-04-03T02:00:00+09:00")
        #expect(try store.jobRuns().map(\.state) == [.failed, .running], "a run that ended is not taken for killed")
        #expect(try store.unreportedJobRuns(job: "kouka-nightly").map(\.exitCode) == [65])
        #expect(try store.rejections(writtenBy: [failed]).map(\.file) == ["a.log"])
    }
}
