/// The ledger's seal as a sum, modulo 2^256, of one SHA-256 digest per sealed row (a ledger line, a quarantined row;
/// `SealRowDigest`). A row written adds its digest, a row removed subtracts it and a row changed does both, so the
/// seal follows the run's writes as they are committed instead of being read again from the whole ledger, and a run
/// killed mid-way leaves the seal of its last commit (`KoukaStore+RunningSeal`).
package struct SealSum: Equatable, Sendable {
    /// The 256-bit value, least significant word first.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    package init() {}

    /// Adds `digest` (32 bytes, read as a big-endian number).
    package mutating func add(_ digest: UnsafeRawBufferPointer) { combine(digest, subtracting: false) }

    /// Subtracts `digest`: the row it is the digest of was removed, or is about to be changed.
    package mutating func subtract(_ digest: UnsafeRawBufferPointer) { combine(digest, subtracting: true) }

    private mutating func combine(_ digest: UnsafeRawBufferPointer, subtracting: Bool) {
        precondition(digest.count == 32, "a row digest is a SHA-256")
        let d = (Self.word(digest, 3), Self.word(digest, 2), Self.word(digest, 1), Self.word(digest, 0))
        if subtracting {
            var borrow = false
            (words.0, borrow) = Self.subtract(words.0, d.0, borrow)
            (words.1, borrow) = Self.subtract(words.1, d.1, borrow)
            (words.2, borrow) = Self.subtract(words.2, d.2, borrow)
            (words.3, _) = Self.subtract(words.3, d.3, borrow)
        } else {
            var carry = false
            (words.0, carry) = Self.add(words.0, d.0, carry)
            (words.1, carry) = Self.add(words.1, d.1, carry)
            (words.2, carry) = Self.add(words.2, d.2, carry)
            (words.3, _) = Self.add(words.3, d.3, carry)
        }
    }

    /// The `index`th 8 bytes of `digest`, big-endian.
    private static func word(_ digest: UnsafeRawBufferPointer, _ index: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in digest[index * 8..<index * 8 + 8] { value = value << 8 | UInt64(byte) }
        return value
    }

    private static func add(_ a: UInt64, _ b: UInt64, _ carry: Bool) -> (UInt64, Bool) {
        let (sum, over) = a.addingReportingOverflow(b)
        let (total, overAgain) = sum.addingReportingOverflow(carry ? 1 : 0)
        return (total, over || overAgain)
    }

    private static func subtract(_ a: UInt64, _ b: UInt64, _ borrow: Bool) -> (UInt64, Bool) {
        let (difference, under) = a.subtractingReportingOverflow(b)
        let (total, underAgain) = difference.subtractingReportingOverflow(borrow ? 1 : 0)
        return (total, under || underAgain)
    }

    /// The seal as 64 lowercase hex digits, most significant first.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for word in [words.3, words.2, words.1, words.0] {
            for shift in stride(from: 60, through: 0, by: -4) { text.append(digits[Int(word >> UInt64(shift) & 0xF)]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    package static func == (a: SealSum, b: SealSum) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }
}
