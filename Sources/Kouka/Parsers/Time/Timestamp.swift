import Foundation

/// A date-time as a log writes it: ISO 8601 with or without an offset (`2022-11-11T09:38:39.4924017+08:00`,
/// `2022-06-16T12:54:40Z`), or the Japanese export style `2024/04/01 09:05:00`, including the
/// `2024/4/1 9:05` that Excel writes back after a department edits a CSV.
///
/// A time with no offset is wall-clock time in the configured zone, never in the server's zone.
package struct Timestamp: Sendable, Hashable {
    package var date: LocalDate
    package var hour: Int
    package var minute: Int
    package var second: Double
    /// Seconds east of UTC, when the text carries an offset or `Z`.
    package var utcOffset: Int?

    private init(date: LocalDate, hour: Int, minute: Int, second: Double, utcOffset: Int?) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    /// Parses `text`; nil when it is not one of the accepted shapes or not a real date and time.
    package init?(_ text: some StringProtocol) {
        var copy = String(text)
        guard let parsed = copy.withUTF8({ Timestamp(bytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses the ASCII bytes of a field without making a `String` of them: the ingest's hot path.
    package init?(bytes: UnsafeRawBufferPointer) {
        if bytes.count == 19, let fixed = Self.fixedWidth(bytes) {
            self = fixed
            return
        }
        if bytes.count > 20, bytes[19] == 0x2E, let fixed = Self.fixedWidthWithFraction(bytes) {
            self = fixed
            return
        }
        var scanner = DigitScanner(bytes)
        scanner.skipSpaces()
        guard let y = scanner.number(maxDigits: 4), y >= 1000, let s1 = scanner.take(oneOf: "-/"),
              let mo = scanner.number(maxDigits: 2), scanner.take(s1) != nil,
              let d = scanner.number(maxDigits: 2),
              (1...12).contains(mo), d >= 1, d <= LocalDate.daysIn(month: mo, year: y)
        else { return nil }
        date = LocalDate(year: y, month: mo, day: d)
        hour = 0; minute = 0; second = 0; utcOffset = nil
        if scanner.atEnd { return }
        guard scanner.take(oneOf: "T ") != nil else { return nil }
        scanner.skipSpaces()
        guard let h = scanner.number(maxDigits: 2), scanner.take(oneOf: ":") != nil,
              let mi = scanner.number(maxDigits: 2), h < 24, mi < 60 else { return nil }
        hour = h; minute = mi
        if scanner.take(oneOf: ":") != nil {
            // No second 60: the tools' Windows clocks cannot write one, and Japan's last leap second fell at 08:59:60, so one read
            // as the next minute would carry a run over midnight of March 31 into the next fiscal year (helper-92).
            guard let sec = scanner.number(maxDigits: 2), sec < 60 else { return nil }
            second = Double(sec)
            if scanner.take(oneOf: ".,") != nil {
                guard let fraction = scanner.fraction() else { return nil }
                second += fraction
            }
        }
        scanner.skipSpaces()
        if scanner.atEnd { return }
        if scanner.take(oneOf: "Zz") != nil {
            utcOffset = 0
        } else if let sign = scanner.take(oneOf: "+-") {
            guard let oh = scanner.number(maxDigits: 2) else { return nil }
            _ = scanner.take(oneOf: ":")
            let om = scanner.number(maxDigits: 2) ?? 0
            guard oh <= 14, om < 60 else { return nil }
            utcOffset = (sign == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
    }

    /// `yyyy/MM/dd HH:mm:ss` or `yyyy-MM-ddTHH:mm:ss` with every digit written, as exports write it on every
    /// row: read by position. Nil when the bytes are not exactly that (the general reading then decides).
    private static func fixedWidth(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        guard b[4] == b[7], b[4] == 0x2F || b[4] == 0x2D, b[10] == 0x20 || b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for index in at..<at + count {
                let digit = b[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let y = digits(0, 4), y >= 1000, let mo = digits(5, 2), (1...12).contains(mo), let d = digits(8, 2), d >= 1,
              d <= LocalDate.daysIn(month: mo, year: y), let h = digits(11, 2), h < 24, let mi = digits(14, 2), mi < 60,
              let s = digits(17, 2), s < 60 else { return nil }
        return Timestamp(date: LocalDate(year: y, month: mo, day: d), hour: h, minute: mi, second: Double(s), utcOffset: nil)
    }

    /// `yyyy-MM-ddTHH:mm:ss.fffffff+09:00` (or `Z`), as a UiPath robot writes every line's `timeStamp`: read by position
    /// with the fraction and the offset as the general reading reads them, to the same bits. Nil for anything else (the
    /// general reading then decides).
    private static func fixedWidthWithFraction(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        guard var stamp = fixedWidth(UnsafeRawBufferPointer(rebasing: b[0..<19])) else { return nil }
        var index = 20
        // The general reading's arithmetic, digit by digit, so that both give the same second.
        var fraction = 0.0, scale = 0.1, digits = 0
        while index < b.count, b[index] &- 0x30 < 10 {
            if digits < 9 { fraction += Double(b[index] - 0x30) * scale; scale /= 10 }
            index += 1; digits += 1
        }
        guard digits > 0 else { return nil }
        stamp.second += fraction
        if index == b.count - 1, b[index] == 0x5A || b[index] == 0x7A {
            stamp.utcOffset = 0
            return stamp
        }
        // ±HH:MM and nothing after it.
        guard index == b.count - 6, b[index] == 0x2B || b[index] == 0x2D, b[index + 3] == 0x3A else { return nil }
        let h1 = b[index + 1] &- 0x30, h2 = b[index + 2] &- 0x30, m1 = b[index + 4] &- 0x30, m2 = b[index + 5] &- 0x30
        guard h1 < 10, h2 < 10, m1 < 10, m2 < 10 else { return nil }
        let oh = Int(h1) * 10 + Int(h2), om = Int(m1) * 10 + Int(m2)
        guard oh <= 14, om < 60 else { return nil }
        stamp.utcOffset = (b[index] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
        return stamp
    }

    /// The instant this stands for: by its own offset when it has one, else in `clock`'s zone.
    package func instant(in clock: LocalClock) -> Date {
        // Within its second, to the microsecond: a Double of seconds since 1970 steps by about 2.4e-7 s, so a fraction past
        // .99999988 (UiPath writes seven digits) rounded up to the next second, and 23:59:59.9999999 of March 31 counted on
        // April 1, in the next fiscal year (helper-194 #1).
        let second = min(second, second.rounded(.down) + 0.999_999)
        if let offset = utcOffset {
            let wall = Double(date.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60) + second
            return Date(timeIntervalSince1970: wall - Double(offset))
        }
        return clock.instant(of: date, hour: hour, minute: minute, second: second)
    }
}

/// A cursor over ASCII bytes for the timestamp grammar.
private struct DigitScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while index < bytes.count, digits < maxDigits, (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1; digits += 1
        }
        return digits == 0 ? nil : value
    }

    mutating func fraction() -> Double? {
        var value = 0.0, scale = 0.1, digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            if digits < 9 { value += Double(bytes[index] - 0x30) * scale; scale /= 10 }
            index += 1; digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// Takes the next byte when it is one of `characters` (ASCII); no array is built, as this runs
    /// several times for every timestamp of a large export.
    mutating func take(oneOf characters: StaticString) -> UInt8? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        for position in 0..<characters.utf8CodeUnitCount where characters.utf8Start[position] == byte {
            index += 1
            return byte
        }
        return nil
    }

    mutating func take(_ character: UInt8) -> UInt8? {
        guard index < bytes.count, bytes[index] == character else { return nil }
        index += 1
        return character
    }
}
