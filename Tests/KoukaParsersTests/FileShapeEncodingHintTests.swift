import Foundation
import Kouka
import Testing

/// A WinActor export that Excel re-saved as "UTF-8 (BOM)" under a source set to Shift_JIS is rejected for its header, as
/// its columns do not decode; the rejection says why: the file is UTF-8, as its byte-order mark shows.
@Suite struct FileShapeEncodingHintTests {
    @Test func aUTF8ByteOrderMarkUnderShiftJISIsNamed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bom = try dir.write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data("タスクID,名前\r\n".utf8))
        let plain = try dir.write("plain.csv", Data("タスクID,名前\r\n".utf8))
        #expect(FileShape.encodingHint(path: bom, configured: .shiftJIS)?.contains("it is UTF-8, while its [[source]] sets encoding = \"shift_jis\"") == true)
        #expect(FileShape.encodingHint(path: bom, configured: .auto) == nil, "auto reads the mark itself")
        #expect(FileShape.encodingHint(path: plain, configured: .shiftJIS) == nil, "no mark, nothing to say")
    }
}
