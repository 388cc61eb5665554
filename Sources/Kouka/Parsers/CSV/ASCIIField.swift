/// Reads ASCII fields straight from their bytes: status words and numbers, on every row of a large export.
enum ASCIIField {
    /// The bytes without leading and trailing spaces.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether the bytes spell `word` (ASCII, case-insensitive).
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for i in 0..<bytes.count where bytes[i] | 0x20 != letters[i] | 0x20 { return false }
        return true
    }

    /// A non-negative decimal number (`123`, `12.5`, `1,234`); nil for anything else or an empty field. A comma only groups
    /// the whole part by thousands, as `DecimalText.number(grouped:)` reads it: `36,5` is no number (it read 365 before,
    /// helper-101 #6).
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var whole = 0.0, fraction = 0.0, scale = 1.0, digits = 0, inFraction = false
        // Digits since the last comma, and whether there was one: each group after a comma has three.
        var group = 0, grouped = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                digits += 1
                if inFraction { scale /= 10; fraction += Double(byte - 0x30) * scale } else { whole = whole * 10 + Double(byte - 0x30); group += 1 }
            case 0x2E where !inFraction:
                if grouped, group != 3 { return nil }
                inFraction = true
            case 0x2C where !inFraction:
                guard grouped ? group == 3 : (1...3).contains(group) else { return nil }
                grouped = true
                group = 0
            default: return nil
            }
        }
        if grouped, !inFraction, group != 3 { return nil }
        return digits == 0 ? nil : whole + fraction
    }
}
