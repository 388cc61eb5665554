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
    static func digest(of values: UnsafeMutablePointer<OpaquePointer?>, count: Int) -> SHA256 {
        var hasher = SHA256()
        KoukaStore.feed("kouka-seal-row-v2", separator: 0x1E, into: &hasher)
        for index in 0..<count {
            let value = values[index]
            let type = sqlite3_value_type(value)
            KoukaStore.feed(separator: UInt8(truncatingIfNeeded: type), into: &hasher)
            switch type {
            case SQLITE_INTEGER: KoukaStore.feed(sqlite3_value_int64(value), into: &hasher)
            case SQLITE_FLOAT: KoukaStore.feed(Int64(bitPattern: sqlite3_value_double(value).bitPattern), into: &hasher)
            case SQLITE_TEXT, SQLITE_BLOB:
                let bytes = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_value_text(value)) : sqlite3_value_blob(value)
                let length = Int(sqlite3_value_bytes(value))
                KoukaStore.feed(Int64(length), into: &hasher)
                if let bytes, length > 0 { hasher.update(UnsafeRawBufferPointer(start: bytes, count: length)) }
            default: break
            }
        }
        return hasher
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
