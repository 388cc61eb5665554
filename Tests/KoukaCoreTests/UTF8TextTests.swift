import Kouka
import Testing

/// `UTF8Text.validated` makes the string `String(validating:as:)` makes, and refuses what it refuses: a store's text or a
/// log's value that is not UTF-8 is never read mended with U+FFFD.
struct UTF8TextTests {
    @Test(arguments: [
        [UInt8](), Array("uipath/robot03/2021-04-01_Execution.log".utf8), Array("介護認定_結果通知".utf8), Array("a".utf8),
        // U+FFFD written as such is valid text, kept as it is.
        [0x61, 0xEF, 0xBF, 0xBD, 0x62],
        // Not UTF-8: a lone continuation byte, a byte never used, a cut-off sequence, an overlong slash, a surrogate.
        [0x61, 0x80], [0xFF], [0xE4, 0xBB], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        // Shift_JIS bytes of 介護 read as UTF-8.
        [0x89, 0xEE, 0x8C, 0xEC],
    ])
    func agreesWithTheStandardLibrary(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self)
        bytes.withUnsafeBytes { #expect(UTF8Text.validated($0) == expected) }
    }

    @Test func refusesMendedBytes() {
        [UInt8]([0x61, 0xFF, 0x62]).withUnsafeBytes { #expect(UTF8Text.validated($0) == nil) }
    }
}
