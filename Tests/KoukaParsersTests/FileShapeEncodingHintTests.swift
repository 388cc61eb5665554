import Foundation
import Kouka
import Testing

/// A WinActor export that Excel re-saved as "UTF-8 (BOM)" under a source set to Shift_JIS is rejected for its header, as
/// its columns do not decode; the rejection says why: the file is UTF-8, as its byte-order mark (or its first line) shows, and
/// a Shift_JIS export under a source set to UTF-8 likewise.
@Suite struct FileShapeEncodingHintTests {
    @Test func aUTF8ByteOrderMarkUnderShiftJISIsNamed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bom = try dir.write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data("タスクID,名前\r\n".utf8))
        let plain = try dir.write("plain.csv", Data("タスクID,名前\r\n".utf8))
        #expect(FileShape.encodingHint(path: bom, configured: .shiftJIS)?.contains("it is UTF-8, while its [[source]] sets encoding = \"shift_jis\"") == true)
        #expect(FileShape.encodingHint(path: bom, configured: .auto) == nil, "auto reads the mark itself")
        // Without the mark, a first line of UTF-8 beyond ASCII is UTF-8 too (helper-131: rejected only for lacking its columns).
        #expect(FileShape.encodingHint(path: plain, configured: .shiftJIS)?.contains("its first line is UTF-8, while its [[source]] sets encoding = \"shift_jis\"") == true)
        #expect(FileShape.encodingHint(path: plain, configured: .utf8) == nil)
        let ascii = try dir.write("ascii.csv", Data("task,start\r\n".utf8))
        #expect(FileShape.encodingHint(path: ascii, configured: .shiftJIS) == nil, "ASCII reads the same either way: nothing to say")
    }

    @Test func shiftJISUnderUTF8IsNamed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sjis = try dir.write("sjis.csv", try #require("タスクID,シナリオ名\r\n".data(using: .shiftJIS)))
        #expect(FileShape.encodingHint(path: sjis, configured: .utf8)?.contains("reads as Shift_JIS") == true)
        #expect(FileShape.encodingHint(path: sjis, configured: .shiftJIS) == nil)
    }
}
