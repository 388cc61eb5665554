import CSQLite

/// The work SQLite's virtual machine did for the statements a store ran, from `sqlite3_stmt_status`: counts,
/// not times, so that a test can tell a per-file step whose cost grows with the store from one that does not,
/// whatever else the machine is doing.
package struct SQLiteWork: Equatable, Sendable {
    /// Virtual-machine steps (`SQLITE_STMTSTATUS_VM_STEP`).
    package var vmSteps: Int64 = 0
    /// Steps forward through a table in a full scan (`SQLITE_STMTSTATUS_FULLSCAN_STEP`): none, for a lookup by index.
    package var fullScanSteps: Int64 = 0
    /// Rows put in an automatic index SQLite built because no index fit (`SQLITE_STMTSTATUS_AUTOINDEX`).
    package var autoIndexRows: Int64 = 0

    package init() {}

    /// The work done between `earlier` and this.
    package static func - (later: SQLiteWork, earlier: SQLiteWork) -> SQLiteWork {
        var work = SQLiteWork()
        work.vmSteps = later.vmSteps - earlier.vmSteps
        work.fullScanSteps = later.fullScanSteps - earlier.fullScanSteps
        work.autoIndexRows = later.autoIndexRows - earlier.autoIndexRows
        return work
    }

    /// Adds `other` to this.
    static func += (work: inout SQLiteWork, other: SQLiteWork) {
        work.vmSteps += other.vmSteps
        work.fullScanSteps += other.fullScanSteps
        work.autoIndexRows += other.autoIndexRows
    }

    /// A statement's counts since they were last taken, which it sets back to zero.
    static func taken(from statement: OpaquePointer) -> SQLiteWork {
        var work = SQLiteWork()
        work.vmSteps = Int64(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 1))
        work.fullScanSteps = Int64(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1))
        work.autoIndexRows = Int64(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_AUTOINDEX, 1))
        return work
    }
}
