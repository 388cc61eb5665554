import Foundation

/// Reads the top-level members of one JSON object — a log line — straight from its bytes, handing over
/// each member's key and raw value; nested objects and arrays are skipped whole. Much cheaper than a
/// general decoder for logs that write one small object per line. Returns false for bytes that are not a
/// complete JSON object, so a cut-off line is rejected rather than half read.
enum FlatJSONObject {
    /// A member's value: a string (its bytes between the quotes, and whether they hold escapes) or any
    /// other JSON value's raw bytes.
    enum Value {
        case string(UnsafeRawBufferPointer, escaped: Bool)
        case other(UnsafeRawBufferPointer)

        /// The value as text: a string decoded, anything else as written; nil for invalid UTF-8.
        var text: String? {
            switch self {
            case let .string(bytes, escaped):
                guard escaped else { return UTF8Text.validated(bytes) }
                let quoted = Data([0x22]) + Data(bytes) + Data([0x22])
                // An escape JSON does not know makes the value no text at all: its field is then missing, and the
                // line is rejected for it, never read with the escape guessed.
                do {
                    return try JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed) as? String
                } catch {
                    return nil
                }
            case let .other(bytes):
                return UTF8Text.validated(bytes)
            }
        }

        /// The value as a number, when it is one. A whole number of up to 15 digits (every run's seconds) is read from its
        /// bytes: exact in a Double, as `DecimalText` reads it, without making a string.
        var number: Double? {
            guard case let .other(bytes) = self else { return nil }
            if (1...15).contains(bytes.count), bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
                return Double(bytes.reduce(0) { $0 * 10 + Int($1 &- 0x30) })
            }
            guard let text = UTF8Text.validated(bytes) else { return nil }
            return DecimalText.number(text)
        }
    }

    static func members(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, Value) -> Void) -> Bool {
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 } }
        /// Moves past a string whose opening quote is at `i`; returns its content range and whether it has escapes.
        func string() -> (Range<Int>, Bool)? {
            i += 1
            let start = i
            var escaped = false
            // Messages are long: the closing quote and any backslash before it are found with memchr.
            while i < n {
                guard let quote = memchr(bytes.baseAddress! + i, 0x22, n - i) else { return nil }
                let end = UnsafeRawPointer(quote) - bytes.baseAddress!
                guard let slash = memchr(bytes.baseAddress! + i, 0x5C, end - i) else {
                    i = end + 1
                    return (start..<end, escaped)
                }
                escaped = true
                i = UnsafeRawPointer(slash) - bytes.baseAddress! + 2
            }
            return nil
        }
        /// Moves past a nested object or array opening at `i`.
        func container() -> Bool {
            var depth = 0
            while i < n {
                switch bytes[i] {
                case 0x22: guard string() != nil else { return false }; continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                default: break
                }
                i += 1
            }
            return false
        }
        skipSpace()
        guard i < n, bytes[i] == 0x7B else { return false }
        i += 1
        skipSpace()
        if i < n, bytes[i] == 0x7D { i += 1; skipSpace(); return i == n }
        while true {
            skipSpace()
            guard i < n, bytes[i] == 0x22, let (keyRange, _) = string() else { return false }
            skipSpace()
            guard i < n, bytes[i] == 0x3A else { return false }
            i += 1
            skipSpace()
            guard i < n else { return false }
            let key = UnsafeRawBufferPointer(rebasing: bytes[keyRange])
            switch bytes[i] {
            case 0x22:
                guard let (range, escaped) = string() else { return false }
                body(key, .string(UnsafeRawBufferPointer(rebasing: bytes[range]), escaped: escaped))
            case 0x7B, 0x5B:
                let start = i
                guard container() else { return false }
                body(key, .other(UnsafeRawBufferPointer(rebasing: bytes[start..<i])))
            default:
                let start = i
                while i < n, bytes[i] != 0x2C, bytes[i] != 0x7D, bytes[i] != 0x20, bytes[i] != 0x0D, bytes[i] != 0x0A { i += 1 }
                guard i > start else { return false }
                body(key, .other(UnsafeRawBufferPointer(rebasing: bytes[start..<i])))
            }
            skipSpace()
            guard i < n else { return false }
            if bytes[i] == 0x2C { i += 1; continue }
            guard bytes[i] == 0x7D else { return false }
            i += 1
            skipSpace()
            return i == n
        }
    }
}
