@testable import Kouka
import Testing

/// Help text broken into lines for an 80-column terminal, Japanese counted as two columns a character.
@Suite struct TerminalTextTests {
    @Test func linesStayUnderEightyColumnsWithTheirIndent() {
        let text = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        let wrapped = TerminalText.wrap(text, first: 26, indent: 26)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 26)) && !$0.dropFirst(26).hasPrefix(" ") })
        #expect((26 + lines[0].count) <= 79)
        #expect(lines.dropFirst().allSatisfy { $0.count <= 79 })
        #expect(lines.joined(separator: " ").split(separator: " ").count == 40, "no word lost")
    }

    @Test func japaneseTakesTwoColumns() {
        #expect(TerminalText.columns("令和6年度") == 9)
        #expect(TerminalText.columns("FY2024") == 6)
        // Ten words of four wide characters: 8 columns each, so eight fit in 79 from column 0 with their spaces.
        let wrapped = TerminalText.wrap(Array(repeating: "令和年度", count: 10).joined(separator: " "), first: 0, indent: 0)
        #expect(wrapped.split(separator: "\n").map { $0.split(separator: " ").count } == [8, 2])
    }

    @Test func aWordLongerThanALineIsKeptWhole() {
        let long = String(repeating: "x", count: 100)
        #expect(TerminalText.wrap("a \(long) b", first: 0, indent: 2) == "a\n  \(long)\n  b")
    }
}
