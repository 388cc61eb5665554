import Foundation
@testable import Kouka
import Testing

/// The trims Kouka works out in Swift give what Foundation's give, for every character of the Basic Multilingual Plane
/// and a few beyond it, alone, around a word and inside one.
@Suite struct TrimmedSpacesTests {
    static let scalars: [Unicode.Scalar] = (0x01...0xFFFF).compactMap(Unicode.Scalar.init) + [0x1F600, 0xE0020, 0x10FFFD].compactMap(Unicode.Scalar.init)

    @Test func sameAsFoundationForEveryCharacter() {
        var differences: [String] = []
        for scalar in Self.scalars {
            let c = String(Character(scalar))
            for text in [c, "\(c)a\(c)", "a\(c)b", "\(c)\(c)名\u{3000}\(c)", "\t\(c) x"] {
                if text.trimmingSpaces() != text.trimmingCharacters(in: .whitespaces) { differences.append("spaces U+\(String(scalar.value, radix: 16))") }
                if text.trimmingSpacesAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                    differences.append("newlines U+\(String(scalar.value, radix: 16))")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test func japaneseAndZeroWidthSpacesAreTrimmed() {
        #expect("\u{3000}税務課 ".trimmingSpaces() == "税務課")
        #expect("\u{200B}T01\u{200B}".trimmingSpaces() == "T01")
        #expect("\u{200C}T01".trimmingSpaces() == "\u{200C}T01", "a zero width non-joiner is no space")
        #expect(" \t ".trimmingSpaces() == "")
        #expect("a\r\n".trimmingSpaces() == "a\r\n")
        #expect("a\r\n".trimmingSpacesAndNewlines() == "a")
        #expect("  x y  "[...].trimmingSpaces() == "x y")
    }
}

/// NFKC skipped for ASCII gives what Foundation's mapping gives, for every ASCII character and for the full-width and
/// half-width forms a catalog kept in Excel holds.
@Suite struct CompatibilityNormalizedTests {
    @Test func sameAsFoundation() {
        let ascii = (0x01...0x7F).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        for text in ascii + [ascii.joined(), "ＩＤ", "ﾀｽｸ名", "ｔａｓｋ＿ｉｄ", "①", "㍻", "税務課", "task_id"] {
            #expect(text.compatibilityNormalized == text.precomposedStringWithCompatibilityMapping, "\(text.unicodeScalars.map(\.value))")
        }
        #expect("ＩＤ".compatibilityNormalized == "ID")
    }
}
