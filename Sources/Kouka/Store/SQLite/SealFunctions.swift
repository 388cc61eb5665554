import CSQLite

/// The SQL functions of the ledger's seal as a sum (`SealSum`), registered on every connection:
///
/// - `kouka_seal_row(kind, value, …)`: the row's digest, a 32-byte BLOB (`SealRowDigest`); a scan of a table sums them.
/// - `kouka_seal_note(sign, kind, value, …)`: adds (`sign` 1) or subtracts (-1) the row's digest to the connection's
///   running seal (`RunningSeal`), from the triggers that follow this connection's writes to the sealed tables.
///
/// One function computes a row's digest for the scan and for the triggers alike, from SQLite's own values, so the two
/// cannot disagree on a value's bytes.
extension SQLiteConnection {
    func registerSealFunctions() throws(StoreError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        var rc = sqlite3_create_function_v2(handle, "kouka_seal_row", -1, flags, nil, { context, count, values in
            guard let values else { return sqlite3_result_error(context, "kouka_seal_row needs a kind", -1) }
            SealRowDigest.digest(of: values, count: Int(count)).finalize { digest in
                sqlite3_result_blob(context, digest.baseAddress, Int32(digest.count), SQLiteConnection.transient)
            }
        }, nil, nil, nil)
        guard rc == SQLITE_OK else { throw StoreError.sqlite(code: rc, message: "cannot register kouka_seal_row", sql: "") }
        rc = sqlite3_create_function_v2(handle, "kouka_seal_note", -1, SQLITE_UTF8, context, { context, count, values in
            guard let values, count >= 2 else { return sqlite3_result_error(context, "kouka_seal_note needs a sign and a kind", -1) }
            let connection = Unmanaged<SQLiteConnection>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
            guard let seal = connection.runningSeal else { return sqlite3_result_null(context) }
            let subtracting = sqlite3_value_int64(values[0]) < 0
            SealRowDigest.digest(of: values + 1, count: Int(count) - 1).finalize { digest in
                if subtracting { seal.sum.subtract(digest) } else { seal.sum.add(digest) }
            }
            seal.unwritten = true
            // A write outside any transaction has no commit to record the seal with: the statement's caller does it.
            if sqlite3_get_autocommit(connection.handle) != 0 { seal.outsideTransaction = true }
            sqlite3_result_null(context)
        }, nil, nil, nil)
        guard rc == SQLITE_OK else { throw StoreError.sqlite(code: rc, message: "cannot register kouka_seal_note", sql: "") }
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The digest of one sealed row: SHA-256 over a fixed prefix, then each value as its SQLite type and its bytes (an
/// INTEGER or REAL as 8 little-endian bytes, TEXT or BLOB as its length and bytes, NULL as its type alone), so that no
/// two rows give the same bytes.
enum SealRowDigest {
    static let prefix = Array("kouka-seal-row-v2".utf8) + [0x1E]

    /// The digest of the values in columns `columns` of `statement`'s current row: the bytes `kouka_seal_row` digests when
    /// called with the same values, which a query can read as columns instead (`sqlite3_column_value` gives the values
    /// SQLite would pass the function).
    static func digest(ofColumns columns: Range<Int32>, of statement: SQLiteStatement) -> SHA256 {
        withUnsafeTemporaryAllocation(of: OpaquePointer?.self, capacity: columns.count) { values in
            for (index, column) in columns.enumerated() { values[index] = statement.columnValue(column) }
            return digest(of: values.baseAddress!, count: columns.count)
        }
    }

    /// The row's bytes are laid out in one buffer and hashed at once: a night over a city's ledger digests tens of thousands
    /// of rows, and a call into SHA-256 for each of a row's forty pieces cost more than the hashing.
    static func digest(of values: UnsafeMutablePointer<OpaquePointer?>, count: Int) -> SHA256 {
        withUnsafeTemporaryAllocation(of: (bytes: UnsafeRawPointer?, length: Int).self, capacity: max(count, 1)) { texts in
            // TEXT and BLOB values' bytes first (their text before their length, as SQLite asks), and the row's length.
            var total = prefix.count
            for index in 0..<count {
                let value = values[index]
                switch sqlite3_value_type(value) {
                case SQLITE_INTEGER, SQLITE_FLOAT: total += 9
                case let type where type == SQLITE_TEXT || type == SQLITE_BLOB:
                    let bytes = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_value_text(value)) : sqlite3_value_blob(value)
                    let length = Int(sqlite3_value_bytes(value))
                    texts[index] = (bytes, length)
                    total += 9 + (bytes == nil ? 0 : length)
                default: total += 1
                }
            }
            return withUnsafeTemporaryAllocation(byteCount: total, alignment: 8) { buffer in
                var at = 0
                func put(_ byte: UInt8) { buffer[at] = byte; at += 1 }
                func put(_ word: Int64) {
                    withUnsafeBytes(of: word.littleEndian) { (buffer.baseAddress! + at).copyMemory(from: $0.baseAddress!, byteCount: 8) }
                    at += 8
                }
                for byte in prefix { put(byte) }
                for index in 0..<count {
                    let value = values[index]
                    let type = sqlite3_value_type(value)
                    put(UInt8(truncatingIfNeeded: type))
                    switch type {
                    case SQLITE_INTEGER: put(sqlite3_value_int64(value))
                    case SQLITE_FLOAT: put(Int64(bitPattern: sqlite3_value_double(value).bitPattern))
                    case SQLITE_TEXT, SQLITE_BLOB:
                        let (bytes, length) = texts[index]
                        put(Int64(length))
                        if let bytes, length > 0 {
                            (buffer.baseAddress! + at).copyMemory(from: bytes, byteCount: length)
                            at += length
                        }
                    default: break
                    }
                }
                var hasher = SHA256()
                hasher.update(UnsafeRawBufferPointer(start: buffer.baseAddress, count: at))
                return hasher
            }
        }
    }
}

/// The seal (`SealSum`) of the ledger and the quarantine as one connection's writes leave them, during a nightly run:
/// the triggers of `KoukaStore.keepRunningSeal` note each row written, and each commit records the sum with the run in
/// the same transaction.
final class RunningSeal {
    var sum: SealSum
    /// The sum as each open transaction and savepoint began, innermost last: a rollback restores its own.
    var saved: [SealSum] = []
    /// Whether `sum` changed since it was last recorded with the run.
    var unwritten = false
    /// Whether a statement outside any transaction changed `sum` since it was last recorded.
    var outsideTransaction = false
    /// Records `sum` with the run, in the transaction being committed (or right after a statement outside one).
    let record: (SealSum) throws(StoreError) -> Void

    init(sum: SealSum, record: @escaping (SealSum) throws(StoreError) -> Void) {
        self.sum = sum
        self.record = record
    }
}
