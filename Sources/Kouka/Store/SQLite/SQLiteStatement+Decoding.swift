import CSQLite

/// Reading a column as the value Kouka wrote there, or failing with the database, table, column and value:
/// a value that does not decode is never read as zero, an empty text or a default.
extension SQLiteStatement {
    /// An INTEGER.
    func int(_ column: Int32) throws(StoreError) -> Int64 {
        let value = columnValue(column)
        guard sqlite3_value_type(value) == SQLITE_INTEGER else { throw undecodable(column) }
        return sqlite3_value_int64(value)
    }

    /// A 0 or 1.
    func flag(_ column: Int32) throws(StoreError) -> Bool {
        let value = try int(column)
        guard value == 0 || value == 1 else { throw undecodable(column) }
        return value == 1
    }

    /// The rollups' `cumulative` column: 0 uses, 1 running totals of a period starting on the day, 2 running
    /// totals as of the day of a period whose start is not known (`RollupKey.undatedPeriod`).
    func runningTotal(_ column: Int32) throws(StoreError) -> (cumulative: Bool, undatedPeriod: Bool) {
        let value = try int(column)
        guard (0...2).contains(value) else { throw undecodable(column) }
        return (value >= 1, value == 2)
    }

    /// A finite REAL (an INTEGER is one too: SQLite may store a whole number so).
    func double(_ column: Int32) throws(StoreError) -> Double {
        let value = columnValue(column)
        let type = sqlite3_value_type(value)
        guard type == SQLITE_FLOAT || type == SQLITE_INTEGER else { throw undecodable(column) }
        let number = sqlite3_value_double(value)
        guard number.isFinite else { throw undecodable(column) }
        return number
    }

    /// A TEXT.
    func text(_ column: Int32) throws(StoreError) -> String {
        guard let text = Self.string(try textBytes(column)) else { throw undecodable(column) }
        return text
    }

    /// A TEXT: `previous` itself when the column holds its very bytes, so that a column repeating a few values
    /// over thousands of rows is not made into a new string for each.
    func text(_ column: Int32, reusing previous: String) throws(StoreError) -> String {
        let bytes = try textBytes(column)
        if bytes.holds(previous) { return previous }
        guard let text = Self.string(bytes) else { throw undecodable(column) }
        return text
    }

    /// The code of a TEXT among the column's `codes` (`StoredTextCodes`), decoded by `decode` when it is new; a text
    /// `decode` refuses does not decode.
    func code<Value>(_ column: Int32, among codes: inout StoredTextCodes<Value>, decode: (String) -> Value?) throws(StoreError) -> UInt32 {
        guard let code = codes.code(of: try textBytes(column), decode: decode) else { throw undecodable(column) }
        return code
    }

    /// One of the raw values of `Value`, from the few `recent` holds (their raw values and values) when the column holds
    /// one of their raw values' very bytes.
    func value<Value: RawRepresentable>(_ column: Int32, as _: Value.Type, among recent: inout [(raw: String, value: Value)]) throws(StoreError) -> Value
    where Value.RawValue == String {
        let bytes = try textBytes(column)
        if let known = recent.first(where: { bytes.holds($0.raw) }) { return known.value }
        guard let raw = Self.string(bytes), let value = Value(rawValue: raw) else { throw undecodable(column) }
        recent.insert((raw, value), at: 0)
        return value
    }

    /// A TEXT's bytes, valid until the statement steps on: for a hash of the column, without a string.
    func textBytes(_ column: Int32) throws(StoreError) -> UnsafeRawBufferPointer {
        let value = columnValue(column)
        guard sqlite3_value_type(value) == SQLITE_TEXT else { throw undecodable(column) }
        return Self.textBytes(of: value)
    }

    /// A TEXT, or nil for NULL.
    func optionalText(_ column: Int32) throws(StoreError) -> String? {
        isNull(column) ? nil : try text(column)
    }

    func isNull(_ column: Int32) -> Bool { type(column) == SQLITE_NULL }

    /// A date as the store writes it, `yyyy-MM-dd`.
    func date(_ column: Int32) throws(StoreError) -> LocalDate {
        let text = try text(column)
        guard let date = LocalDate(text), date.description == text else { throw undecodable(column) }
        return date
    }

    /// A date or nil for NULL.
    func optionalDate(_ column: Int32) throws(StoreError) -> LocalDate? {
        isNull(column) ? nil : try date(column)
    }

    /// One of the raw values of `Value` (a system, outcome, unit, status).
    func value<Value: RawRepresentable>(_ column: Int32, as _: Value.Type) throws(StoreError) -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text(column)) else { throw undecodable(column) }
        return value
    }

    /// A blob of 64-bit values in this machine's byte order, as `.hashes` wrote it.
    func hashes(_ column: Int32) throws(StoreError) -> [UInt64] {
        let value = columnValue(column)
        guard sqlite3_value_type(value) == SQLITE_BLOB else { throw undecodable(column) }
        let (bytes, size) = (sqlite3_value_blob(value), Int(sqlite3_value_bytes(value)))
        guard size % 8 == 0 else { throw undecodable(column) }
        guard size > 0, let bytes else { return [] }
        return (0..<size / 8).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
    }

    private func undecodable(_ column: Int32) -> StoreError {
        let shown: String = switch type(column) {
        case SQLITE_NULL: "NULL"
        case SQLITE_INTEGER: "\(rawInt(column))"
        case SQLITE_FLOAT: "\(rawDouble(column))"
        case SQLITE_BLOB: "a blob of \(rawBlob(column).count) bytes"
        default: rawText(column) ?? "text whose bytes are not UTF-8"
        }
        return .undecodable(path: connectionPath, table: table, column: name(column), value: shown)
    }
}
