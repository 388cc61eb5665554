/// Text laid out for an 80-column terminal or a cron mail, counting Japanese characters as two columns.
enum TerminalText {
    // Lines stay under 80 columns: some terminals add an empty line after a full one.
    static let width = 79

    /// The columns `text` takes: two for wide (East Asian) characters, one for the rest.
    static func columns(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// `text` broken at spaces into lines of at most `width` columns: the first starts at column `first` (already
    /// written by the caller), the others are indented by `indent`. A word longer than a line is kept whole.
    static func wrap(_ text: String, first: Int, indent: Int, width: Int = width) -> String {
        var lines: [String] = []
        var line = ""
        var column = first
        for word in text.split(separator: " ") {
            let size = columns(word)
            if !line.isEmpty && column + 1 + size > width {
                lines.append(line)
                line = ""
                column = indent
            }
            if !line.isEmpty {
                line += " "
                column += 1
            }
            line += word
            column += size
        }
        lines.append(line)
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }.joined(separator: "\n")
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: true
        default: false
        }
    }
}
