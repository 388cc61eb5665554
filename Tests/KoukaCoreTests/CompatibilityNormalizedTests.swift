import Foundation
@testable import Kouka
import Testing

/// The scalars whose text is taken as already in NFKC are each left as they are by Foundation's mapping, and so are strings
/// of them side by side (a voiced kana next to another); text with a full-width letter, a half-width kana, a combining sound
/// mark or an ideographic space still takes Foundation's way.
struct CompatibilityNormalizedFastPathTests {
    static let keptRanges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x3001...0x3002, 0x3005...0x3005, 0x300C...0x300F, 0x3041...0x3096,
                                                    0x30A1...0x30FA, 0x30FB...0x30FC, 0x4E00...0x9FFF]

    @Test func everyScalarTakenAsKeptIsKeptByFoundation() {
        var changed: [String] = []
        for range in Self.keptRanges {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                #expect(String.keptByCompatibilityComposition(scalar))
                let text = String(Character(scalar))
                if text.precomposedStringWithCompatibilityMapping != text { changed.append(String(value, radix: 16)) }
            }
        }
        #expect(changed.isEmpty, "\(changed.prefix(20))")
    }

    @Test func namesAreNormalisedAsFoundationDoes() {
        for name in ["DX推進課", "ＤＸ推進課", "ｺｸﾎ", "か\u{3099}くしゅう課", "市民課\u{3000}", "がくしゅう課", "住民票・印鑑", "ヴァ", "①課", "㈱", "ﾃﾞｰﾀ"] {
            #expect(name.compatibilityNormalized == name.precomposedStringWithCompatibilityMapping, "\(name)")
        }
        #expect("ＤＸ推進課".compatibilityNormalized == "DX推進課")
    }
}
