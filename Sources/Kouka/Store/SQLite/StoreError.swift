/// The store could not be opened, migrated, read or written. Earlier data stays as it was: every write is one
/// transaction.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// SQLite refused a statement.
    case sqlite(code: Int32, message: String, sql: String)
    /// The database was written by a newer Kouka.
    case newerSchema(path: String, migration: String)
    /// SQLite could not read `table` of the database: damaged pages, a file that is not a database, a table or
    /// column that is not there, or a failing disk. `code` is SQLite's result code.
    case unreadable(path: String, table: String, code: Int32, reason: String)
    /// A stored value that is not one Kouka writes: an unknown system, outcome, unit or status, a bad date, a
    /// text where a number belongs.
    case undecodable(path: String, table: String, column: String, value: String)
    /// A table of the database is not as Kouka's migrations made it (a column renamed or dropped, a table
    /// missing): it was changed outside Kouka.
    case schemaMismatch(path: String, table: String, problem: String)
    /// The database's ledger names no source file: no nightly run has read a log into it, or it was replaced by
    /// an empty file. A report from it would say 0 hours.
    case empty(path: String)
    /// The database (or its `-wal`, `-shm` or `-journal`) is a symbolic link the configuration does not name.
    case symbolicLink(path: String, target: String)
    /// Undoing part of a transaction failed (`rollback`): the whole transaction was rolled back instead of
    /// committed, and the job stops.
    case rollbackFailed(rollback: String)

    package var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the database \(path) (\(reason)); check the directory exists and the job's user may write to it; if the disk is full or read-only, free space and run again"
        case let .sqlite(code, message, sql):
            // A constraint Kouka's own writes keep (the rows of a file under its ledger line) fails only where rows were left
            // behind by a line removed outside Kouka, whose number SQLite gave the next line: no disk fault (helper-133).
            // A store made read-only for a night leaves its -shm read-only too: the store's own mode put back, every night
            // after failed the same way, and the message named only the disk (helper-145 #2).
            switch code & 0xFF {
            case 19: "database error \(code): \(message) (in: \(sql.prefix(80))); the store holds rows Kouka's own writes never leave (such as the rollups of a ledger line removed outside Kouka). Run kouka-audit verify, which names what was changed, and restore the database from a backup made before then"
            case 8: "database error \(code): \(message) (in: \(sql.prefix(80))); the job's user must be able to write the database file, its -wal and -shm files beside it (SQLite may have left them read-only after a run that could not write) and their folder: check them with ls -l, and check that the disk is not mounted read-only, then run again"
            default: "database error \(code): \(message) (in: \(sql.prefix(80))); if the disk is full or read-only, free space and run again"
            }
        case let .newerSchema(path, migration):
            "the database \(path) has migration \(migration), which this Kouka does not know; use the newer Kouka that wrote it"
        case let .unreadable(path, table, code, reason):
            switch Self.kind(of: code) {
            case .io:
                "cannot read table \(table) of the database \(path): I/O error (\(reason)); no figure was computed from it. Check the disk (dmesg, smartctl) and run again; if it fails again, restore the database from a backup"
            case .busy:
                "cannot read table \(table) of the database \(path): another process holds it locked (\(reason)); run again when it is done"
            case .damaged:
                "cannot read table \(table) of the database \(path): \(reason). The database is damaged or was changed outside Kouka, and no figure was computed from it. \(Self.rebuild)"
            }
        case let .undecodable(path, table, column, value):
            "table \(table) of the database \(path) holds a value Kouka never writes in column \(column): \"\(value.prefix(80))\". The database is damaged or was changed outside Kouka, and no figure was computed from it. \(table == "rollups" ? "Restore it from a backup, or run kouka-nightly --since <a day on or before the rows affected> to read their files again (files no longer on disk cannot be read again)" : Self.rebuild)"
        case let .empty(path):
            "the database \(path) holds no source file in its ledger (table source_files): no kouka-nightly run has read a log into it, or it was replaced by an empty one; no figure was computed from it. Run kouka-nightly first, or restore the database from a backup"
        case let .schemaMismatch(path, table, problem):
            "table \(table) of the database \(path) is not as Kouka made it: \(problem). It was changed outside Kouka, and no figure was computed from it. \(Self.rebuild)"
        case let .rollbackFailed(rollback):
            "undoing a failed write to the database failed (\(rollback)); nothing of the transaction was committed and the job stopped. Check the disk and run again"
        case let .symbolicLink(path, target):
            "refusing to open the database \(path): it is a symbolic link (to \(target)), and Kouka writes only where kouka.toml says; set database in kouka.toml to the file the link points to, or replace the link with the file"
        }
    }

    /// What to do about a store whose pages or tables cannot be trusted.
    private static let rebuild = "Restore the database from a backup; without one, move it aside and run kouka-nightly to build it again from the logs (files no longer on disk cannot be counted again)"

    /// SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR: the output cannot be written.
    package var isOutputFailure: Bool {
        switch self {
        case .cannotOpen, .symbolicLink, .rollbackFailed: true
        case let .sqlite(code, _, _): [13, 8, 14, 10].contains(code & 0xFF)
        case .newerSchema, .unreadable, .undecodable, .schemaMismatch, .empty: false
        }
    }

    /// The disk failed while the store was read (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_NOMEM): the data may
    /// be whole, and a later run may read it.
    package var isInputFailure: Bool {
        if case let .unreadable(_, _, code, _) = self { Self.kind(of: code) == .io } else { false }
    }

    /// Another process held the store locked for longer than the busy timeout (SQLITE_BUSY, SQLITE_LOCKED).
    package var isBusy: Bool {
        if case let .unreadable(_, _, code, _) = self { Self.kind(of: code) == .busy } else { false }
    }

    private enum ReadFailure { case io, busy, damaged }

    private static func kind(of code: Int32) -> ReadFailure {
        switch code & 0xFF {
        case 10, 14, 7: .io
        case 5, 6: .busy
        default: .damaged
        }
    }
}
