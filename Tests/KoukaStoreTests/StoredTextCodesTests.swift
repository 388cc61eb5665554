@testable import Kouka
import Testing

/// The numbering of a column's texts by their bytes (`StoredTextCodes`), on which `rollups(from:to:)`'s order rests.
@Suite struct StoredTextCodesTests {
    static func code(_ text: String, in codes: inout StoredTextCodes<String>, decode: (String) -> String? = { $0 }) -> UInt32? {
        var text = text
        return text.withUTF8 { codes.code(of: UnsafeRawBufferPointer($0), decode: decode) }
    }

    @Test func eachTextKeepsOneCodeAcrossThousandsOfTextsAndTheTableGrowing() {
        var codes = StoredTextCodes<String>()
        let texts = (0..<3_000).map { "課\($0 * 7919 % 3_001)" }
        let first = texts.map { Self.code($0, in: &codes)! }
        #expect(Set(first).count == texts.count, "a code per text")
        #expect(texts.map { Self.code($0, in: &codes)! } == first, "met again, the same code")
        #expect(first.map { codes.values[Int($0)] } == texts)
    }

    @Test func canonicallyEquivalentSpellingsAreTwoTextsRankedByTheirBytes() {
        var codes = StoredTextCodes<String>()
        let composed = Self.code("が", in: &codes)!, decomposed = Self.code("か\u{3099}", in: &codes)!, empty = Self.code("", in: &codes)!
        let latin = Self.code("Z", in: &codes)!, lower = Self.code("a", in: &codes)!
        #expect(composed != decomposed)
        let ranks = codes.ranks()
        #expect([empty, latin, lower, decomposed, composed].map { ranks[Int($0)] } == [0, 1, 2, 3, 4], "by bytes: \"\" < Z < a < か゛ < が")
    }

    @Test func aTextTheColumnDoesNotHoldGetsNoCode() {
        var codes = StoredTextCodes<String>()
        #expect(Self.code("rpa", in: &codes) { $0 == "robot" ? nil : $0 } != nil)
        #expect(Self.code("robot", in: &codes) { $0 == "robot" ? nil : $0 } == nil)
        #expect(codes.values == ["rpa"])
    }
}
