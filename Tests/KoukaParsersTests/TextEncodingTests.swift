import Kouka
import Testing

/// `TextEncoding`: the spellings of encodings that people write in configuration files.
struct TextEncodingTests {
    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf_8_sig", .utf8), ("UTF-8-BOM", .utf8),
        ("Shift_JIS", .shiftJIS), ("sjis", .shiftJIS), ("CP932", .shiftJIS), ("MS932", .shiftJIS), ("Windows-31J", .shiftJIS),
        ("auto", .auto),
    ])
    func configuredNames(name: String, encoding: TextEncoding) {
        #expect(TextEncoding(configured: name) == encoding)
    }

    @Test(arguments: ["latin1", "euc-jp", "", "utf-16"])
    func unknownNames(name: String) {
        #expect(TextEncoding(configured: name) == nil)
    }
}
