import KoukaCore

/// Kouka's embedded store: one SQLite file holding the ledger of source files, their daily rollups,
/// their rejected records and the ledger of job runs.
///
/// Writes are named methods, each one transaction, so a crash at any point leaves the previous state.
public final class KoukaStore {
    private let db: SQLiteConnection
    public let path: String

    /// Opens (creating and migrating as needed) the database at `path`; `":memory:"` for tests.
    public init(path: String) throws {
        self.path = path
        db = try SQLiteConnection(path: path)
        try db.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:" { try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
        try Migrations.apply(to: db)
    }

    /// The ledger line for `path`, if the file was read before.
    public func source(path: String) throws -> SourceFileRecord? {
        var found: SourceFileRecord? = nil
        try db.prepare("SELECT \(Self.sourceColumns) FROM source_files WHERE path = ?").query([.text(path)]) {
            found = Self.sourceRecord($0)
        }
        return found
    }

    /// Every ledger line, by path.
    public func sources() throws -> [SourceFileRecord] {
        var all: [SourceFileRecord] = []
        try db.prepare("SELECT \(Self.sourceColumns) FROM source_files ORDER BY path").query { all.append(Self.sourceRecord($0)) }
        return all
    }

    /// Replaces everything `record.path` contributed with `rollups` and `rejections`, in one transaction,
    /// and returns the file's ledger id.
    @discardableResult
    public func replaceContribution(of record: SourceFileRecord, rollups: [RollupKey: RollupTotals], rejections: [Rejection]) throws -> Int64 {
        try db.transaction {
            let id: Int64
            if let existing = try source(path: record.path) {
                id = existing.id
                try db.prepare("DELETE FROM rollups WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM rejects WHERE source_id = ?").run([.integer(id)])
                try db.prepare("""
                    UPDATE source_files SET format = ?, size = ?, sha256 = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                    pending_runs = ?, byte_offset = ?, status = ?, reject_reason = ? WHERE id = ?
                    """).run(Self.sourceValues(record) + [.integer(id)])
            } else {
                try db.prepare("""
                    INSERT INTO source_files (format, size, sha256, rows_read, rows_accepted, rows_rejected, pending_runs,
                    byte_offset, status, reject_reason, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).run(Self.sourceValues(record) + [.text(record.path)])
                id = db.lastInsertRowID
            }
            let insertRollup = try db.prepare("""
                INSERT INTO rollups (source_id, day, department, family, task_name, outcome, unit, off_hours, events, quantity,
                machine_seconds, human_seconds, human_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for key in rollups.keys.sorted() {
                let t = rollups[key]!
                try insertRollup.run([
                    .integer(id), .text(key.date.description), .text(key.department), .text(key.family.rawValue),
                    .text(key.taskName), .text(key.outcome.rawValue), .text(key.unit.rawValue), .integer(key.offHours ? 1 : 0), .integer(Int64(t.events)),
                    .real(t.quantity), .real(t.machineSeconds), .real(t.humanSeconds), .real(t.humanMeasuredQuantity),
                ])
            }
            let insertReject = try db.prepare("INSERT INTO rejects (source_id, line, reason) VALUES (?, ?, ?)")
            for rejection in rejections {
                try insertReject.run([.integer(id), .integer(Int64(rejection.line)), .text(rejection.reason)])
            }
            return id
        }
    }

    /// The rollups of every file that counts, with dates from `from` to `to` inclusive.
    public func rollups(from: LocalDate, to: LocalDate) throws -> [DailyRollup] {
        var rows: [DailyRollup] = []
        try db.prepare("""
            SELECT r.source_id, r.day, r.department, r.family, r.task_name, r.outcome, r.unit, r.events, r.quantity,
            r.machine_seconds, r.human_seconds, r.human_quantity, r.off_hours FROM rollups r JOIN source_files s ON s.id = r.source_id
            WHERE s.status = 'present' AND r.day BETWEEN ? AND ?
            ORDER BY r.day, r.department, r.family, r.task_name, r.outcome, r.unit, r.off_hours, r.source_id
            """).query([.text(from.description), .text(to.description)]) { s in
            guard let date = LocalDate(s.text(1)), let family = SystemFamily(rawValue: s.text(3)),
                  let outcome = Outcome(rawValue: s.text(5)), let unit = EffectUnit(rawValue: s.text(6)) else { return }
            let key = RollupKey(date: date, department: s.text(2), family: family, taskName: s.text(4), outcome: outcome, unit: unit,
                                offHours: s.int(12) != 0)
            let totals = RollupTotals(events: Int(s.int(7)), quantity: s.double(8), machineSeconds: s.double(9),
                                      humanSeconds: s.double(10), humanMeasuredQuantity: s.double(11))
            rows.append(DailyRollup(key: key, totals: totals, sourceID: s.int(0)))
        }
        return rows
    }

    /// The quarantine: rejected records of every file, by path and line.
    public func rejections() throws -> [Rejection] {
        var rows: [Rejection] = []
        try db.prepare("""
            SELECT s.path, r.line, r.reason FROM rejects r JOIN source_files s ON s.id = r.source_id ORDER BY s.path, r.line
            """).query { rows.append(Rejection(file: $0.text(0), line: Int($0.int(1)), reason: $0.text(2))) }
        return rows
    }

    /// Adds a line to the job-run ledger.
    public func recordJobRun(_ run: JobRunRecord) throws {
        try db.prepare("""
            INSERT INTO job_runs (job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).run([.text(run.job), .text(run.startedAt), .text(run.endedAt), .integer(Int64(run.filesRead)),
                      .integer(Int64(run.rowsRead)), .integer(Int64(run.rowsRejected)), .integer(Int64(run.exitCode))])
    }

    /// The job-run ledger, oldest first.
    public func jobRuns() throws -> [JobRunRecord] {
        var rows: [JobRunRecord] = []
        try db.prepare("SELECT job, started_at, ended_at, files_read, rows_read, rows_rejected, exit_code FROM job_runs ORDER BY id").query {
            rows.append(JobRunRecord(job: $0.text(0), startedAt: $0.text(1), endedAt: $0.text(2), filesRead: Int($0.int(3)),
                                     rowsRead: Int($0.int(4)), rowsRejected: Int($0.int(5)), exitCode: Int32($0.int(6))))
        }
        return rows
    }

    private static let sourceColumns = """
        id, path, format, size, sha256, rows_read, rows_accepted, rows_rejected, pending_runs, byte_offset, status, reject_reason
        """

    private static func sourceRecord(_ s: SQLiteStatement) -> SourceFileRecord {
        SourceFileRecord(
            id: s.int(0), path: s.text(1), format: s.text(2), size: s.int(3), sha256: s.text(4), rowsRead: Int(s.int(5)),
            rowsAccepted: Int(s.int(6)), rowsRejected: Int(s.int(7)), pendingRuns: Int(s.int(8)), byteOffset: s.int(9),
            status: SourceFileRecord.Status(rawValue: s.text(10)) ?? .rejected, rejectReason: s.isNull(11) ? nil : s.text(11))
    }

    private static func sourceValues(_ r: SourceFileRecord) -> [SQLiteValue] {
        [.text(r.format), .integer(r.size), .text(r.sha256), .integer(Int64(r.rowsRead)), .integer(Int64(r.rowsAccepted)),
         .integer(Int64(r.rowsRejected)), .integer(Int64(r.pendingRuns)), .integer(r.byteOffset), .text(r.status.rawValue),
         r.rejectReason.map { .text($0) } ?? .null]
    }
}
