import CCrypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256, streamed, so the ledger can fingerprint a file of any size in constant memory. The work is
/// OpenSSL's (hardware SHA instructions where the processor has them); the state is a plain value, so it
/// can be copied, finalised on the side, and saved in the ledger to resume when a log grows.
package struct SHA256 {
    private var context = SHA256_CTX()

    package init() { SHA256_Init(&context) }

    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// The digest as 64 lowercase hex digits. Finalises a copy: the state can go on being updated.
    package func finalizeHex() -> String { finalize(Self.hex) }

    /// The 32 bytes of the digest, handed to `body`. Finalises a copy, as `finalizeHex`.
    package func finalize<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var copy = context
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(SHA256_DIGEST_LENGTH)) { digest in
            SHA256_Final(digest.baseAddress, &copy)
            return try body(UnsafeRawBufferPointer(digest))
        }
    }

    /// Lowercase hex of `bytes`. `String(format:)` per byte costs more than hashing a small file.
    private static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hashing state as text, so the ledger can resume a file's digest where reading stopped and hash
    /// only what was appended.
    package var savedState: String {
        withUnsafeBytes(of: context, Self.hex)
    }

    /// Restores a state from `savedState`; nil for text that is not one.
    package init?(savedState text: String) {
        let size = MemoryLayout<SHA256_CTX>.size
        let digits = Array(text.utf8)
        guard digits.count == size * 2 else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        for i in 0..<size {
            guard let byte = UInt8(String(decoding: digits[i * 2..<i * 2 + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes[i] = byte
        }
        var restored = SHA256_CTX()
        withUnsafeMutableBytes(of: &restored) { $0.copyBytes(from: bytes) }
        guard restored.md_len == UInt32(SHA256_DIGEST_LENGTH), restored.num < 64 else { return nil }
        context = restored
    }

    /// Adds the bytes of `path` from `start` to `end` (exclusive); false when they cannot be read.
    package mutating func update(fileAt path: String, from start: Int64, to end: Int64) -> Bool {
        guard end > start else { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // No larger than the bytes to read: a day's log is a few dozen KB, and a megabyte for each cost page faults.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(min(1 << 20, end - start)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while offset < end {
            let n = pread(fd, buffer.baseAddress, min(buffer.count, Int(end - offset)), off_t(offset))
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            offset += Int64(n)
        }
        return true
    }

    /// The digest of a whole file, read in blocks; nil when it cannot be read.
    package static func hexDigest(ofFile path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        var hasher = SHA256()
        guard hasher.update(fileAt: path, from: 0, to: Int64(info.st_size)) else { return nil }
        return hasher.finalizeHex()
    }
}
