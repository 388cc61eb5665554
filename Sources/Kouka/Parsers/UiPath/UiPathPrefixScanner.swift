/// Reads the `HH:mm:ss.ffff LEVEL ` that starts every `Execution.log` line, byte by byte.
struct UiPathPrefixScanner {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Skips spaces; how many there were.
    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index - start
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// One to four digits.
    mutating func integer() -> Int? {
        var value = 0, digits = 0
        while index < bytes.count, digits < 4, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// Seconds with an optional fraction: `05`, `05.1234`.
    mutating func seconds() -> Double? {
        guard let whole = integer() else { return nil }
        guard take(0x2E) else { return Double(whole) }
        var fraction = 0.0, scale = 0.1, digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if digits < 9 { fraction += Double(bytes[index] - 0x30) * scale; scale /= 10 }
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : Double(whole) + fraction
    }

    /// One of the robot's log levels: Trace, Debug, Info, Warn, Error, Fatal.
    mutating func level() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] != 0x20 { index += 1 }
        let word = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        return Self.levels.contains { ASCIIField.equals(word, $0) }
    }

    private static let levels: [StaticString] = ["Trace", "Debug", "Info", "Warn", "Error", "Fatal"]

    /// Whether the line's prefix (`HH:mm:ss.ffff LEVEL `, before its first `{`) names a level below Error: such a line,
    /// written from the same event as its JSON, cannot be the Error line that fails a run, whatever its JSON holds.
    static func namesALevelBelowError(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let brace = line.prefix(40).firstIndex(of: UInt8(ascii: "{")) else { return false }
        let prefix = UnsafeRawBufferPointer(rebasing: line[..<brace])
        var scanner = UiPathPrefixScanner(prefix)
        scanner.skipSpaces()
        guard scanner.integer() != nil, scanner.take(0x3A), scanner.integer() != nil, scanner.take(0x3A), scanner.seconds() != nil,
              scanner.skipSpaces() > 0 else { return false }
        let start = scanner.index
        guard scanner.level() else { return false }
        let word = UnsafeRawBufferPointer(rebasing: prefix[start..<scanner.index])
        guard scanner.atEndAfterSpaces() else { return false }
        return belowError.contains { ASCIIField.equals(word, $0) }
    }

    private static let belowError: [StaticString] = ["Trace", "Debug", "Info", "Warn"]

    mutating func atEndAfterSpaces() -> Bool {
        skipSpaces()
        return index == bytes.count
    }
}
