import CSQLite

/// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
final class SQLiteStatement {
    private var statement: OpaquePointer?
    private let connection: SQLiteConnection
    let sql: String

    /// SQLite copies bound text immediately when told the buffer is transient.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(connection: SQLiteConnection, sql: String) throws(StoreError) {
        self.connection = connection
        self.sql = sql
        try connection.check(sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil), sql)
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds `values` to the parameters in order, after clearing the previous run.
    func bind(_ values: [SQLiteValue]) throws(StoreError) {
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
            try connection.check(rc, sql)
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLiteValue] = []) throws(StoreError) {
        try bind(values)
        try connection.check(sqlite3_step(statement), sql)
    }

    /// Runs a query and calls `row` for each result row.
    func query(_ values: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> Void) throws {
        try bind(values)
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            try connection.check(rc, sql)
            try row(self)
        }
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// A blob of 64-bit values in this machine's byte order, as `.hashes` wrote it.
    func hashes(_ column: Int32) -> [UInt64] {
        let count = Int(sqlite3_column_bytes(statement, column)) / 8
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return [] }
        return (0..<count).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
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
