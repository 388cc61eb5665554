#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes strings of bytes that must be UTF-8 (a store's text, a log's JSON values), refusing any that are not.
package enum UTF8Text {
    /// The text of `bytes`, or nil when they are not valid UTF-8: never mended with U+FFFD.
    ///
    /// `String(validating:as:)` is generic over the encoding and, not specialised outside the standard library, looks up its
    /// type's metadata on every call: a run over a city's ledger and logs makes millions of strings, and that lookup was
    /// most of the time they took. Decoding mends only what is not UTF-8, so the bytes of a string decoded from them are
    /// the same bytes exactly when they were valid.
    package static func validated(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var text = String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
        let same = text.withUTF8 { decoded in decoded.count == bytes.count && memcmp(decoded.baseAddress!, base, bytes.count) == 0 }
        return same ? text : nil
    }
}
