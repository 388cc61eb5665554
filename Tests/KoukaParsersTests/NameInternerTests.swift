import Foundation
@testable import Kouka
import Testing

/// `NameInterner`: the same bytes give the same text, decoded once; bytes that are not text give nil.
struct NameInternerTests {
    static func intern(_ interner: NameInterner, _ bytes: [UInt8], _ encoding: TextEncoding) -> String? {
        bytes.withUnsafeBytes { interner.string($0, encoding: encoding) }
    }

    @Test func thousandsOfNamesEachComeBackAsTheirOwnText() throws {
        let interner = NameInterner()
        let names = (0..<3_000).map { "住民税_課税資料取込_\($0)" }
        for _ in 0..<2 {
            for name in names {
                let bytes = try #require(name.data(using: .shiftJIS))
                #expect(Self.intern(interner, Array(bytes), .shiftJIS) == name)
            }
        }
        #expect(Self.intern(interner, [], .shiftJIS) == "")
    }

    @Test func bytesThatAreNotTextGiveNilAndTheRestStillReads() {
        let interner = NameInterner()
        #expect(Self.intern(interner, [0x82, 0xA0, 0xFF, 0xFF], .shiftJIS) == nil)
        #expect(Self.intern(interner, [0xE3, 0x81], .utf8) == nil)
        #expect(Self.intern(interner, [0x82, 0xA0], .shiftJIS) == "あ")
        #expect(Self.intern(interner, Array("あ".utf8), .utf8) == "あ")
    }

    @Test func pastItsLimitItStillDecodesWithoutKeeping() {
        let interner = NameInterner(limit: 10)
        for n in 0..<100 { #expect(Self.intern(interner, Array("名前\(n)".utf8), .utf8) == "名前\(n)") }
        #expect(Self.intern(interner, Array("名前3".utf8), .utf8) == "名前3")
    }
}
