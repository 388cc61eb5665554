
/// Numbers as logs and exports write them: decimal digits, a point, an exponent (`1.5E+03`, as Excel writes large
/// counts). Swift's `Double(String)` also reads `0x10` as 16, `nan` and `infinity`: none of them is a count a tool
/// writes, and a count read wrong is a figure wrong, so they are not numbers here.
package enum DecimalText {
    /// The value of `text` when it is a finite number in decimal notation, else nil.
    package static func number(_ text: some StringProtocol) -> Double? {
        var digits = 0, index = text.utf8.startIndex
        let bytes = text.utf8
        func skipDigits() {
            while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { digits += 1; index = bytes.index(after: index) }
        }
        if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index = bytes.index(after: index) }
        skipDigits()
        if index < bytes.endIndex, bytes[index] == 0x2E {
            index = bytes.index(after: index)
            skipDigits()
        }
        guard digits > 0 else { return nil }
        if index < bytes.endIndex, bytes[index] == 0x45 || bytes[index] == 0x65 {
            index = bytes.index(after: index)
            if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index = bytes.index(after: index) }
            digits = 0
            skipDigits()
            guard digits > 0 else { return nil }
        }
        guard index == bytes.endIndex, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// The value of `text` as `number(_:)` reads it, also with commas grouping the whole part by thousands (`1,000`,
    /// `12,345.5`, as Excel writes counts); commas anywhere else (`1,00`, a decimal comma, or `12,3,4`) make it no number.
    package static func number(grouped text: String) -> Double? {
        guard text.contains(",") else { return number(text) }
        let point = text.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) ?? text.endIndex
        let groups = text[..<point].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return number(groups.joined() + text[point...])
    }
}

extension DecimalText {
    /// A count of whole things (characters) as `number(grouped:)` reads it, when it is whole and cannot be a thousands point
    /// misread: `12345.0` and `1,234.000` are counts, `2.5` is none, and `12.500` (three digits after a point, as a
    /// European export groups thousands) could be twelve and a half or twelve thousand five hundred, so it is none either.
    /// Nor is `1.23E+04` (`isExponential`): Excel writes a count so when its cell is formatted as 指数, with the digits it
    /// rounded away lost (12,345 written `1.23E+04`).
    package static func wholeCount(_ text: String) -> Double? {
        guard !isExponential(text), let value = number(grouped: text), value == value.rounded(.towardZero) else { return nil }
        // A comma grouping the whole part makes the point a decimal point (`1,234.000`).
        if let point = text.firstIndex(of: "."), !text.contains(","), text[text.index(after: point)...].count == 3 { return nil }
        return value
    }

    /// The value of `text` as `number(_:)` reads it, unless it is written with an exponent (`isExponential`): a minutes or
    /// seconds value exported from a spreadsheet as `1.23E+03` is 1,234 rounded, so it is no figure (helper-101 #3).
    package static func plainNumber(_ text: some StringProtocol) -> Double? {
        isExponential(text) ? nil : number(text)
    }

    /// Whether `text` is written with an exponent (`1E+04`, `2.5e3`). A spreadsheet writes a cell so when it is formatted as
    /// 指数 (scientific), and writes the digits it shows: the rest of the number is gone, so such a cell in an export is no
    /// figure to count with.
    package static func isExponential(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 == 0x45 || $0 == 0x65 }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
