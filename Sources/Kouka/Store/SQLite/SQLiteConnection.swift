import CSQLite

/// Owns one `sqlite3*` and turns every return code into a `StoreError` in one place. Only the store's
/// SQLite files import the C module.
final class SQLiteConnection {
    private(set) var handle: OpaquePointer?
    let path: String
    /// The work of every statement run on this connection so far (see `SQLiteWork`).
    private(set) var work = SQLiteWork()
    /// The seal of the ledger and the quarantine as this connection's writes leave them, while a nightly run keeps it
    /// (`KoukaStore.keepRunningSeal`): each commit records it with the run.
    var runningSeal: RunningSeal?
    /// When not nil, the work of every statement run, by its SQL: tests ask SQLite for the plan of each, and
    /// name the statements whose work grew.
    var statementsRun: [String: SQLiteWork]?

    /// SQLite's own count of the memory it holds, set off before the first connection opens: Kouka reads no memory
    /// statistics, and keeping the count took a process-wide mutex on every allocation of every statement (about
    /// 4 % of the job thread's samples in `perf` of a 18,260-file ingest). SQLITE_MISUSE, when SQLite was started
    /// before, leaves the count on: only slower.
    private static let memoryCountOff: Int32 = kouka_sqlite3_config_no_memory_count()

    init(path: String) throws(StoreError) {
        _ = Self.memoryCountOff
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw StoreError.cannotOpen(path: path, reason: message)
        }
        sqlite3_busy_timeout(handle, 5000)
        do { try registerSealFunctions() } catch {
            sqlite3_close(handle)
            throw error
        }
    }

    /// Compiled statements no longer in use, by their SQL: the store runs the same few statements for every
    /// file, and compiling them again each time cost more than running them.
    private var compiled: [StatementKey: [OpaquePointer]] = [:]

    deinit {
        for statements in compiled.values { statements.forEach { sqlite3_finalize($0) } }
        sqlite3_close_v2(handle)
    }

    /// A compiled statement of `sql` no longer in use, reset and without bindings; nil when there is none.
    func takeCompiled(_ sql: String) -> OpaquePointer? {
        compiled[StatementKey(sql: sql)]?.popLast()
    }

    /// Keeps `statement`, which its `SQLiteStatement` no longer uses, to be run again; finalized instead when
    /// a few of the same SQL are kept already.
    func keepCompiled(_ statement: OpaquePointer?, sql: String) {
        guard let statement else { return }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        // One look-up of the key, which both counts and keeps.
        if !Self.keep(statement, in: &compiled[StatementKey(sql: sql), default: []]) { sqlite3_finalize(statement) }
    }

    /// Appends `statement` to `statements` unless a few are kept already; whether it did.
    private static func keep(_ statement: OpaquePointer, in statements: inout [OpaquePointer]) -> Bool {
        guard statements.count < 4 else { return false }
        statements.append(statement)
        return true
    }

    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>? = nil
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown"
            sqlite3_free(error)
            // Damage found by a pragma or a transaction's first read is the database's, not the statement's.
            if rc & 0xFF == SQLITE_CORRUPT || rc & 0xFF == SQLITE_NOTADB {
                throw StoreError.unreadable(path: path, table: "sqlite_master", code: rc, reason: message)
            }
            throw StoreError.sqlite(code: rc, message: message, sql: sql)
        }
        try recordSealAfterStatement()
    }

    /// A statement that writes, or with `reading`, one that reads that table: its failures name it.
    func prepare(_ sql: String, reading table: String? = nil) throws(StoreError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql, reading: table)
    }

    /// How many transactions `transaction` has committed.
    private(set) var commits = 0

    /// Runs `body` in one transaction: all of it is written, or none of it. Inside another transaction (several
    /// files recorded in one commit) it is a savepoint of that one: a failed `body` undoes only its own writes,
    /// and nothing is on disk before the outer transaction commits.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        let nested = sqlite3_get_autocommit(handle) == 0
        try execute(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE")
        if let seal = runningSeal { seal.saved.append(seal.sum) }
        do {
            let result = try body()
            if !nested, let failed = failedRollback {
                // A savepoint inside could not be undone: what it wrote would be committed with the rest.
                failedRollback = nil
                try execute("ROLLBACK")
                throw StoreError.rollbackFailed(rollback: failed)
            }
            // The seal goes on disk with the writes it follows, in their commit: a run killed after it leaves both.
            if !nested, let seal = runningSeal, seal.unwritten {
                try seal.record(seal.sum)
                seal.unwritten = false
                seal.outsideTransaction = false
            }
            try execute(nested ? "RELEASE nested" : "COMMIT")
            if !nested { commits += 1 }
            _ = runningSeal?.saved.popLast()
            return result
        } catch {
            if let seal = runningSeal, let before = seal.saved.popLast() {
                seal.sum = before
                seal.unwritten = true
            }
            do {
                try execute(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
            } catch let rollback {
                // The error that stopped `body` is the one to report. A savepoint not undone must not be
                // committed by the transaction around it (even if its caller went on); a connection closed with
                // a transaction open commits nothing.
                if nested { failedRollback = "\(rollback)" }
            }
            if !nested { failedRollback = nil }
            throw error
        }
    }

    /// Why a savepoint could not be undone, until the transaction around it ends: it then rolls back.
    private var failedRollback: String?

    /// Records the running seal after a statement that changed it outside any transaction, which had no commit to
    /// record it with. The store's writes are in transactions; this keeps the seal true if one is not.
    func recordSealAfterStatement() throws(StoreError) {
        guard let seal = runningSeal, seal.outsideTransaction, sqlite3_get_autocommit(handle) != 0 else { return }
        seal.outsideTransaction = false
        try seal.record(seal.sum)
        seal.unwritten = false
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Adds what `statement` did since it was last accounted for to `work`.
    func account(_ statement: OpaquePointer?, sql: String) {
        guard let statement else { return }
        let done = SQLiteWork.taken(from: statement)
        work += done
        if statementsRun != nil { statementsRun![sql, default: SQLiteWork()] += done }
    }

    /// The error for result code `rc` of `sql`, which reads or writes `table`. Whatever stops a read means the
    /// store cannot be read; a write that fails for the disk keeps SQLite's error (the output cannot be
    /// written), and one that finds damaged pages or a missing column names the table.
    func failure(_ rc: Int32, sql: String, table: String, reading: Bool) -> StoreError {
        let message = String(cString: sqlite3_errmsg(handle))
        if reading || [SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_ERROR].contains(rc & 0xFF) {
            return .unreadable(path: path, table: table, code: rc, reason: message)
        }
        return .sqlite(code: rc, message: message, sql: sql)
    }
}
