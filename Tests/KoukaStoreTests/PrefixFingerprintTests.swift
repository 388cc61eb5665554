import Foundation
import Kouka
import Testing

/// `PrefixFingerprint.of(hashedPrefix:length:)` gives what reading the file gives, or nothing.
struct PrefixFingerprintTests {
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 100_000, 131_072])
    func fromTheHashOfThePrefixAsFromTheFile(length: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-fingerprint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<length + 10).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        let fromFile = try #require(PrefixFingerprint.of(path: path, length: Int64(length)))
        #expect(PrefixFingerprint.of(hashedPrefix: hasher, length: Int64(length)) == fromFile)
    }

    @Test func noneBeyondTheTwoWindows() {
        #expect(PrefixFingerprint.of(hashedPrefix: SHA256(), length: 131_073) == nil)
    }
}
