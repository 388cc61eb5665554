import Foundation

/// The job-run ledger, and what the runs that never finished left in the store for someone to look at.
extension KoukaStore {
    /// Adds a whole line to the job-run ledger (`record.id` is not used) and returns its id.
    @discardableResult
    package func recordJobRun(_ run: JobRunRecord) throws -> Int64 {
        try db.prepare("""
            INSERT INTO job_runs (job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code, interrupted, state, notices_reported)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([.text(run.job), .text(run.startedAt), run.endedAt.map { .text($0) } ?? .null, .integer(Int64(run.filesRead)),
                      .integer(Int64(run.rowsRead)), .integer(Int64(run.rowsRejected)), run.exitCode.map { .integer(Int64($0)) } ?? .null,
                      .integer(run.interrupted ? 1 : 0), .text(run.state.rawValue), .integer(run.noticesReported ? 1 : 0)])
        return db.lastInsertRowID
    }

    /// Records that a run of `job` starts, as a `running` line, and returns its id; the rejected rows and
    /// ledger lines this store writes from now on carry it (`jobRunID`). Lines of the same job still
    /// `running` become `killed`: the caller holds the job's lock, so no process is running them any more.
    /// `startedInstant`: the start to the sub-second (`started_at` keeps whole seconds), which verification reads the logs
    /// again as of, and tells by a file it must leave out as arrived after the run listed its files.
    /// `readingVersion`: the Kouka version of the run, noted with its start the first time it reads the store (`readBySince`).
    package func beginJobRun(job: String, startedAt: String, startedInstant: Date? = nil, readingVersion: String? = nil) throws -> Int64 {
        let id = try db.transaction {
            if let readingVersion, let startedInstant {
                try db.prepare("INSERT OR IGNORE INTO read_by_since (version, at) VALUES (?, ?)")
                    .run([.text(readingVersion), .real(startedInstant.timeIntervalSince1970)])
            }
            try db.prepare("UPDATE job_runs SET state = 'killed' WHERE job = ? AND state = 'running'").run([.text(job)])
            let id = try recordJobRun(JobRunRecord(job: job, startedAt: startedAt, endedAt: nil, filesRead: 0, rowsRead: 0, rowsRejected: 0,
                                                   exitCode: nil, state: .running, noticesReported: false))
            if let startedInstant {
                try db.prepare("UPDATE job_runs SET started_instant = ? WHERE id = ?").run([.real(startedInstant.timeIntervalSince1970), .integer(id)])
            }
            return id
        }
        jobRunID = id
        return id
    }

    /// The start of run `id` to the sub-second, as it recorded it; nil for a run of a Kouka before 0.5.0.
    package func startedInstant(ofRun id: Int64) throws -> Double? {
        var instant: Double?
        try db.prepare("SELECT started_instant FROM job_runs WHERE id = ?", reading: "job_runs").query([.integer(id)]) {
            instant = $0.isNull(0) ? nil : try $0.double(0)
        }
        return instant
    }

    /// Completes the line of the run `run.id` (end, counts, exit code, state, whether its notices were
    /// stated) and marks the runs `reported` as stated, in one transaction: a run that printed what others
    /// left is the one that clears it.
    /// `sourcesUnread`: the sources the run found no file at while the store counted files of theirs, by display path.
    package func endJobRun(_ run: JobRunRecord, reporting reported: [Int64], sourcesUnread: [String] = []) throws {
        try db.transaction {
            if !sourcesUnread.isEmpty {
                try db.prepare("UPDATE job_runs SET sources_unread = ? WHERE id = ?").run([.text(sourcesUnread.joined(separator: "\n")), .integer(run.id)])
            }
            try db.prepare("""
                UPDATE job_runs SET ended_at = ?, files_read = ?, rows_read = ?, rows_rejected = ?, exit_code = ?, interrupted = ?, state = ?,
                notices_reported = ? WHERE id = ?
                """).run([run.endedAt.map { .text($0) } ?? .null, .integer(Int64(run.filesRead)), .integer(Int64(run.rowsRead)),
                          .integer(Int64(run.rowsRejected)), run.exitCode.map { .integer(Int64($0)) } ?? .null, .integer(run.interrupted ? 1 : 0),
                          .text(run.state.rawValue), .integer(run.noticesReported ? 1 : 0), .integer(run.id)])
            let mark = try db.prepare("UPDATE job_runs SET notices_reported = 1 WHERE id = ?")
            for id in reported { try mark.run([.integer(id)]) }
            // A run that finished stated the losses of the runs it reports. Its own are kept until a later run ends: should
            // its summary not reach its file (`amendLastExitCode`), the next run states them under `unreported` (helper-160 #3).
            try forgetLossNotices(of: reported)
            try db.prepare("""
                DELETE FROM loss_notices WHERE job_run_id IN
                (SELECT id FROM job_runs WHERE job = ? AND state = 'finished' AND notices_reported = 1 AND id <> ?)
                """).run([.text(run.job), .integer(run.id)])
            try recordSealLeft(run: run.id)
        }
        if jobRunID == run.id { jobRunID = nil }
    }

    /// Sets the exit code of the last finished run of `job` from `recorded` to `code`: the process ended with another code
    /// than the run recorded (its summary or metrics file could not be written after the run was recorded), and the
    /// job-run ledger states the code cron saw. A line with another code (a run since) is left as it is. What the run
    /// had to say did not reach the file monitoring reads: its notices are marked unstated, for the next run to state under
    /// `unreported` (helper-160 #3: a night's rejected rows and unmapped names never reached the summary file).
    package func amendLastExitCode(job: String, from recorded: Int32, to code: Int32) throws {
        try db.prepare("""
            UPDATE job_runs SET exit_code = ?, notices_reported = 0
            WHERE id = (SELECT max(id) FROM job_runs WHERE job = ? AND state = 'finished') AND exit_code = ?
            """).run([.integer(Int64(code)), .text(job), .integer(Int64(recorded))])
    }

    /// The runs of `job` that finished every file, newest first, with the sources each found no file at while the store
    /// counted files of theirs (`SourcesUnread`): what the store's last complete day is read from (`ReportJob.asOf`). A run
    /// stopped before its last file (SIGTERM) read the night in part, or not at all (helper-169 #1: one stopped before it read
    /// anything moved the last complete day on, and the closing set was settled without a log that arrived the day before).
    package func finishedRunsWithSourcesUnread(job: String) throws -> [(startedAt: String, sourcesUnread: [String])] {
        var runs: [(startedAt: String, sourcesUnread: [String])] = []
        try db.prepare("SELECT started_at, sources_unread FROM job_runs WHERE job = ? AND state = 'finished' AND interrupted = 0 ORDER BY id DESC",
                       reading: "job_runs")
            .query([.text(job)]) { s in
                runs.append((try s.text(0), try s.optionalText(1).map { $0.split(separator: "\n").map(String.init) } ?? []))
            }
        return runs
    }

    /// The job-run ledger, oldest first.
    package func jobRuns() throws -> [JobRunRecord] {
        try jobRuns(where: "1", [])
    }

    /// The runs of `job` that ended without finishing (killed or failed), or finished without their summary reaching its
    /// file (`amendLastExitCode`), and whose notices no finished run has stated yet, oldest first.
    package func unreportedJobRuns(job: String) throws -> [JobRunRecord] {
        try jobRuns(where: "job = ? AND state IN ('killed', 'failed', 'finished') AND notices_reported = 0", [.text(job)])
    }

    /// The rejected records the runs `runs` wrote that are still in the quarantine, by path and line.
    package func rejections(writtenBy runs: [Int64]) throws -> [Rejection] {
        guard !runs.isEmpty else { return [] }
        var rows: [Rejection] = []
        try db.prepare("""
            SELECT s.path, r.line, r.reason, r.repeated_run, r.day FROM rejects r JOIN source_files s ON s.id = r.source_id
            WHERE r.job_run_id IN (\(runs.map { _ in "?" }.joined(separator: ", "))) ORDER BY s.path, r.line
            """, reading: "rejects").query(runs.map { .integer($0) }) {
            rows.append(Rejection(file: try $0.text(0), line: Int(try $0.int(1)), reason: try $0.text(2), isRepeatedRun: try $0.flag(3),
                                  day: try $0.optionalDate(4)))
        }
        return rows
    }

    /// Whether the job run `id` left a ledger line or a rejected row written by it.
    package func wroteAnything(jobRun id: Int64) throws -> Bool {
        var wrote = false
        try db.prepare(
            "SELECT EXISTS (SELECT 1 FROM source_files WHERE job_run_id = ?1) OR EXISTS (SELECT 1 FROM rejects WHERE job_run_id = ?1)",
            reading: "source_files").query([.integer(id)]) { wrote = try $0.flag(0) }
        return wrote
    }

    /// The ledger lines whose contribution the runs `runs` wrote last, by path.
    package func sources(writtenBy runs: [Int64]) throws -> [SourceFileRecord] {
        guard !runs.isEmpty else { return [] }
        var paths: [String] = []
        try db.prepare("""
            SELECT path FROM source_files WHERE job_run_id IN (\(runs.map { _ in "?" }.joined(separator: ", "))) ORDER BY path
            """, reading: "source_files").query(runs.map { .integer($0) }) { paths.append(try $0.text(0)) }
        return try paths.compactMap { try source(path: $0) }
    }

    /// Every rollup of one file. A row that does not decode is a damaged store, and an error: never skipped.
    package func rollups(ofSource id: Int64) throws -> [DailyRollup] {
        let sql = """
            SELECT day, department, family, task_name, outcome, unit, events, quantity, machine_seconds, human_seconds, human_quantity, off_hours,
            cumulative FROM rollups WHERE source_id = ?
            """
        var rows: [DailyRollup] = []
        try db.prepare(sql, reading: "rollups").query([.integer(id)]) { s in
            let key = RollupKey(date: try s.date(0), department: try s.text(1), family: try s.value(2, as: SystemFamily.self),
                                taskName: try s.text(3), outcome: try s.value(4, as: Outcome.self), unit: try s.value(5, as: EffectUnit.self),
                                offHours: try s.flag(11), cumulative: try s.runningTotal(12).cumulative,
                                undatedPeriod: try s.runningTotal(12).undatedPeriod)
            let totals = RollupTotals(events: Int(try s.int(6)), quantity: try s.double(7), machineSeconds: try s.double(8),
                                      humanSeconds: try s.double(9), humanMeasuredQuantity: try s.double(10))
            rows.append(DailyRollup(key: key, totals: totals, sourceID: id))
        }
        return rows
    }

    /// Marks a file's ledger line as written by the current job run. An append keeps the mark of an earlier
    /// run whose notices are not stated yet: the part of the file read before is still that run's to state,
    /// and this run states only what it appends.
    func markWrittenByJobRun(source id: Int64, appending: Bool = false) throws {
        try db.prepare("""
            UPDATE source_files SET job_run_id = ? WHERE id = ?
            \(appending ? "AND NOT EXISTS (SELECT 1 FROM job_runs j WHERE j.id = source_files.job_run_id AND j.notices_reported = 0)" : "")
            """).run([jobRunID.map { .integer($0) } ?? .null, .integer(id)])
    }

    /// Adds rejected records of one file to the quarantine, with the current job run.
    func insertRejections(_ rejections: [Rejection], source id: Int64) throws {
        let insert = try db.prepare("INSERT INTO rejects (source_id, line, reason, repeated_run, day, job_run_id) VALUES (?, ?, ?, ?, ?, ?)")
        for rejection in rejections {
            try insert.run([.integer(id), .integer(Int64(rejection.line)), .text(rejection.reason), .integer(rejection.isRepeatedRun ? 1 : 0),
                            rejection.day.map { .text($0.description) } ?? .null, jobRunID.map { .integer($0) } ?? .null])
        }
    }

    private func jobRuns(where condition: String, _ values: [SQLiteValue]) throws -> [JobRunRecord] {
        let sql = """
            SELECT id, job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code, interrupted, state, notices_reported
            FROM job_runs WHERE \(condition) ORDER BY id
            """
        var rows: [JobRunRecord] = []
        try db.prepare(sql, reading: "job_runs").query(values) { s in
            rows.append(JobRunRecord(id: try s.int(0), job: try s.text(1), startedAt: try s.text(2), endedAt: try s.optionalText(3),
                                     filesRead: Int(try s.int(4)), rowsRead: Int(try s.int(5)), rowsRejected: Int(try s.int(6)),
                                     exitCode: s.isNull(7) ? nil : Int32(try s.int(7)), interrupted: try s.flag(8),
                                     state: try s.value(9, as: JobRunRecord.State.self), noticesReported: try s.flag(10)))
        }
        return rows
    }
}
