import Foundation
@testable import Kouka
import Testing

/// `kouka_seal_row`: SHA-256 of the prefix, then each value's type and bytes, as every store since 0.4.8 sealed its rows.
/// Laid out in one buffer and hashed at once, the digest must stay the same bytes a store's seal was summed from.
struct SealRowDigestTests {
    @Test func aRowsDigestIsTheHashOfItsDocumentedBytes() throws {
        let path = StoreFixtures.temporaryDatabasePath()
        defer { StoreFixtures.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        let path8 = "uipath/robot01/2024-05-01_Execution.log", long = String(repeating: "理由", count: 3000)
        var found: [UInt8] = []
        try store.db.prepare("SELECT kouka_seal_row('line', 7, ?, 2.5, NULL, x'00ff', x'', ?)").query([.text(path8), .text(long)]) { s in
            let (bytes, count) = s.rawBlob(0)
            found = Array(UnsafeRawBufferPointer(start: bytes, count: count))
        }
        var expected = Array("kouka-seal-row-v2".utf8) + [0x1E]
        func word(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { expected += $0 } }
        func text(_ type: UInt8, _ bytes: [UInt8]) { expected.append(type); word(Int64(bytes.count)); expected += bytes }
        text(3, Array("line".utf8))
        expected.append(1); word(7)
        text(3, Array(path8.utf8))
        expected.append(2); word(Int64(bitPattern: (2.5).bitPattern))
        expected.append(5)
        text(4, [0x00, 0xFF])
        text(4, [])
        text(3, Array(long.utf8))
        var hasher = SHA256()
        expected.withUnsafeBytes { hasher.update($0) }
        #expect(found == hasher.finalize { Array($0) })
    }
}
