/// The store could not be opened, migrated or written. Earlier data stays as it was: every write is one
/// transaction.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// SQLite refused a statement.
    case sqlite(code: Int32, message: String, sql: String)
    /// The database was written by a newer Kouka.
    case newerSchema(path: String, migration: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the database \(path) (\(reason)); check the directory exists and the job's user may write to it; if the disk is full or read-only, free space and run again"
        case let .sqlite(code, message, sql):
            "database error \(code): \(message) (in: \(sql.prefix(80))); if the disk is full or read-only, free space and run again"
        case let .newerSchema(path, migration):
            "the database \(path) has migration \(migration), which this Kouka does not know; use the newer Kouka that wrote it"
        }
    }

    /// SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR: the output cannot be written.
    public var isOutputFailure: Bool {
        switch self {
        case .cannotOpen: true
        case let .sqlite(code, _, _): [13, 8, 14, 10].contains(code & 0xFF)
        case .newerSchema: false
        }
    }
}
