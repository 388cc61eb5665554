/// A statement's SQL as the key of the connection's compiled statements. A `String` hashes every byte of its
/// text, normalized: the store looks a statement up for every statement it runs, tens of them for every file, and
/// hashing SQL of a few hundred bytes each time cost more than the look-up saved. The key hashes the text's
/// length and its last bytes (where statements of one shape differ: their tables and conditions); keys that hash
/// alike are still told apart by their whole text.
struct StatementKey: Hashable {
    let sql: String

    static let hashedBytes = 48

    func hash(into hasher: inout Hasher) {
        let utf8 = sql.utf8
        hasher.combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(Self.hashedBytes))))
        }
        if hashed == nil { for byte in utf8.suffix(Self.hashedBytes) { hasher.combine(byte) } }
    }

    static func == (left: StatementKey, right: StatementKey) -> Bool { left.sql == right.sql }
}
