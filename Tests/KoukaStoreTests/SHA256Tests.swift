import Foundation
import Kouka
import Testing

/// `SHA256` against the FIPS 180-4 / NIST example vectors, streamed in any chunking.
struct SHA256Tests {
    static func hex(_ bytes: [UInt8], chunks: [Int] = []) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { all in
            var offset = 0, i = 0
            while offset < all.count {
                let size = chunks.isEmpty ? all.count : min(chunks[i % chunks.count], all.count - offset)
                hasher.update(UnsafeRawBufferPointer(rebasing: all[offset..<offset + size]))
                offset += size
                i += 1
            }
        }
        return hasher.finalizeHex()
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // 448 bits: the padding needs a second block.
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // 896 bits.
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(Self.hex(Array(message.utf8)) == digest)
        // The same digest whatever the pieces the bytes arrive in.
        #expect(Self.hex(Array(message.utf8), chunks: [1]) == digest)
        #expect(Self.hex(Array(message.utf8), chunks: [3, 61, 7]) == digest)
    }

    @Test func oneMillionAsStreamedInOddSizedChunks() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(Self.hex(million, chunks: [1, 3, 7, 63, 65, 127, 4_099, 9_973]) == digest)
        #expect(Self.hex(million) == digest)
    }

    /// Messages of 55, 56, 63, 64 and 65 bytes sit on either side of where the length no longer fits in
    /// the last block; each digest below is from `printf '%*s' N | tr ' ' a | sha256sum`.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    ])
    func lengthsAroundABlock(count: Int, digest: String) {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        #expect(Self.hex(bytes) == digest)
        #expect(Self.hex(bytes, chunks: [count - 1, 1]) == digest)
    }

    @Test func digestOfAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        // 1,000,000 × "a" is smaller than the 1 MiB read buffer; 2,000,003 bytes take three reads.
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: url)
        #expect(SHA256.hexDigest(ofFile: url.path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let big = [UInt8]((0..<2_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try Data(big).write(to: url)
        #expect(SHA256.hexDigest(ofFile: url.path) == Self.hex(big, chunks: [4_096]))
        #expect(SHA256.hexDigest(ofFile: url.path + ".missing") == nil)
    }
}
