import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
///
/// A statement knows the table it reads or writes, so that every failure names the database and the table.
/// A read statement (`reading:` given) turns every failure into `StoreError.unreadable`; a write statement
/// keeps the disk's failures as `StoreError.sqlite` (the output cannot be written) and names only damage.
final class SQLiteStatement {
    private var statement: OpaquePointer?
    private let connection: SQLiteConnection
    let sql: String
    /// The table a read statement reads; nil for a write, whose table is found in its SQL when an error names it.
    private let readTable: String?
    /// The table errors name.
    var table: String { readTable ?? Self.target(of: sql) }

    /// SQLite copies bound text immediately when told the buffer is transient.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(connection: SQLiteConnection, sql: String, reading table: String?) throws(StoreError) {
        self.connection = connection
        self.sql = sql
        readTable = table
        if let compiled = connection.takeCompiled(sql) {
            statement = compiled
        } else {
            try check(sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil))
        }
    }

    deinit {
        connection.account(statement, sql: sql)
        connection.keepCompiled(statement, sql: sql)
    }

    /// Binds `values` to the parameters in order, after clearing the previous run.
    func bind(_ values: [SQLiteValue]) throws(StoreError) {
        connection.account(statement, sql: sql)
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, index)
            case let .integer(v): rc = sqlite3_bind_int64(statement, index, v)
            case let .real(v): rc = sqlite3_bind_double(statement, index, v)
            case let .text(v): rc = v.withCString { sqlite3_bind_text(statement, index, $0, -1, Self.transient) }
            case let .hashes(v): rc = v.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            try check(rc)
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLiteValue] = []) throws(StoreError) {
        try bind(values)
        try check(sqlite3_step(statement))
        try connection.recordSealAfterStatement()
    }

    /// Runs a query and calls `row` for each result row.
    func query(_ values: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> Void) throws {
        try bind(values)
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            try check(rc)
            try row(self)
        }
    }

    private func check(_ rc: Int32) throws(StoreError) {
        guard rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE else { return }
        throw connection.failure(rc, sql: sql, table: table, reading: readTable != nil)
    }

    /// The table a write statement names first (`INSERT INTO t`, `DELETE FROM t`, `UPDATE t`).
    private static func target(of sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
        guard let at = words.firstIndex(where: { ["INTO", "FROM", "UPDATE"].contains($0.uppercased()) }), at + 1 < words.count else {
            return "?"
        }
        return String(words[at + 1])
    }

    // Raw column access; `SQLiteStatement+Decoding` checks each value is one Kouka writes.
    //
    // Each reads the column's value once (`sqlite3_column_value`), then its type and contents from it with `sqlite3_value_*`:
    // every `sqlite3_column_*` call also enters and leaves the connection's mutex and checks for a failed allocation, and a
    // year's report reads a dozen columns of each of hundreds of thousands of rollups, most of them two or three times (a
    // type, then a value). SQLite calls such a value unprotected: safe on one thread at a time, which is how every connection
    // here is used (opened with SQLITE_OPEN_NOMUTEX, where the column calls take no mutex either).
    var connectionPath: String { connection.path }
    /// The column's value in the current row, valid until the statement steps on.
    func columnValue(_ column: Int32) -> OpaquePointer? { sqlite3_column_value(statement, column) }
    func type(_ column: Int32) -> Int32 { sqlite3_value_type(columnValue(column)) }
    func name(_ column: Int32) -> String { sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "column \(column)" }
    func rawInt(_ column: Int32) -> Int64 { sqlite3_value_int64(columnValue(column)) }
    func rawDouble(_ column: Int32) -> Double { sqlite3_value_double(columnValue(column)) }
    /// A TEXT column's string; nil when its bytes are not UTF-8 (a damaged page, or bytes written behind Kouka's back):
    /// read as a string they would be mended with U+FFFD, and a task's name would quietly be another (helper-93).
    func rawText(_ column: Int32) -> String? { Self.string(Self.textBytes(of: columnValue(column))) }
    func rawBlob(_ column: Int32) -> (bytes: UnsafeRawPointer?, count: Int) {
        let value = columnValue(column)
        return (sqlite3_value_blob(value), Int(sqlite3_value_bytes(value)))
    }

    /// A value's text bytes (`textBytes(of:)`) as a string, empty for NULL's; nil when they are not UTF-8 (see `rawText`).
    static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        bytes.baseAddress == nil ? "" : UTF8Text.validated(bytes)
    }

    /// A value's text bytes (none for NULL), valid until the statement steps on. The text first, then its length, as
    /// SQLite asks: a number made into text has no length before.
    static func textBytes(of value: OpaquePointer?) -> UnsafeRawBufferPointer {
        guard let start = sqlite3_value_text(value) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_value_bytes(value)))
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// 64-bit values stored as one blob.
    case hashes([UInt64])
}
