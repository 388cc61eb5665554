import Foundation

/// The distinct texts of a column, each numbered by its very bytes, with the value it stands for: a column that repeats
/// a few values over hundreds of thousands of rows is decoded once per value, and its rows can be ordered by number as
/// SQLite orders its text (`BINARY`: by bytes).
///
/// Keyed by bytes, not by `String`: two spellings of a name that are canonically equivalent are equal as Strings, but
/// SQLite stores, keys and orders them apart, and so must whatever puts rows in SQLite's order.
struct StoredTextCodes<Value> {
    /// By code: the value each text decoded to, and its bytes.
    private(set) var values: [Value] = []
    private var bytes: [[UInt8]] = []
    /// Open addressing by the bytes' hash: a code, or `empty`. Looked up from the column's bytes in place, with no array
    /// made of them (an `[[UInt8]: UInt32]` hashed each byte on its own, a third of the rows' decoding).
    private var slots = [UInt32](repeating: .max, count: 16)
    private static var empty: UInt32 { .max }
    /// The codes met last, latest first: rows repeat a value in runs, found here without hashing.
    private var recent: [UInt32] = []

    /// The code of the text whose bytes are `text`: a new one when it was not met before, if `decode` makes a value of it
    /// (nil: the text is not a value of the column).
    mutating func code(of text: UnsafeRawBufferPointer, decode: (String) -> Value?) -> UInt32? {
        for (place, code) in recent.enumerated() where Self.equal(text, bytes[Int(code)]) {
            if place > 0 { recent.remove(at: place); recent.insert(code, at: 0) }
            return code
        }
        let mask = slots.count - 1
        var slot = Self.hash(text) & mask
        while slots[slot] != Self.empty, !Self.equal(text, bytes[Int(slots[slot])]) { slot = (slot + 1) & mask }
        var code = slots[slot]
        if code == Self.empty {
            guard let string = SQLiteStatement.string(text), let value = decode(string) else { return nil }
            code = UInt32(values.count)
            values.append(value)
            bytes.append(Array(text))
            slots[slot] = code
            if values.count * 2 > slots.count { grow() }
        }
        if recent.count >= 4 { recent.removeLast() }
        recent.insert(code, at: 0)
        return code
    }

    /// Each code's place when the texts are ordered by their bytes, as SQLite's `BINARY` collation orders them.
    func ranks() -> [UInt32] {
        let order = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        var ranks = [UInt32](repeating: 0, count: bytes.count)
        for (rank, code) in order.enumerated() { ranks[code] = UInt32(rank) }
        return ranks
    }

    private mutating func grow() {
        slots = [UInt32](repeating: Self.empty, count: slots.count * 2)
        let mask = slots.count - 1
        for code in bytes.indices {
            var slot = bytes[code].withUnsafeBytes { Self.hash($0) } & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code)
        }
    }

    private static func hash(_ text: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: text)
        return hasher.finalize()
    }

    private static func equal(_ text: UnsafeRawBufferPointer, _ known: [UInt8]) -> Bool {
        guard text.count == known.count else { return false }
        guard let base = text.baseAddress, !known.isEmpty else { return true }
        return known.withUnsafeBytes { memcmp($0.baseAddress!, base, known.count) == 0 }
    }
}
