import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The character encoding of a log file. Japanese Windows tools write Shift_JIS (CP932) by default;
/// newer ones write UTF-8, sometimes with a BOM.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// Shift_JIS as Windows writes it (CP932), the default of Japanese Windows tools and of Excel's CSV.
    case shiftJIS = "shift_jis"
    /// UTF-8 when the file has a BOM or its first block is valid UTF-8, otherwise Shift_JIS.
    case auto

    /// Accepts the spellings people write in configuration files.
    package init?(configured name: String) {
        switch String(name.lowercased().map { $0 == "-" ? "_" : $0 }) {
        case "utf8", "utf_8", "utf_8_bom", "utf_8_sig": self = .utf8
        case "shift_jis", "sjis", "cp932", "ms932", "windows_31j": self = .shiftJIS
        case "auto": self = .auto
        default: return nil
        }
    }

    /// Decides `.auto` from the first block of a file (after any BOM has been removed).
    static func sniff(_ prefix: UnsafeRawBufferPointer, hadBOM: Bool) -> TextEncoding {
        if hadBOM { return .utf8 }
        return UTF8Validation.isValidAllowingTruncatedEnd(prefix) ? .utf8 : .shiftJIS
    }

    /// Decodes one field or line; nil when the bytes are not valid in this encoding, or hold a NUL byte
    /// (no log writes one in text: it is a sign of a damaged file).
    func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        if bytes.isEmpty { return "" }
        if memchr(bytes.baseAddress!, 0, bytes.count) != nil { return nil }
        switch self {
        case .utf8, .auto:
            return UTF8Text.validated(bytes)
        case .shiftJIS:
            // ASCII is the same in both, and most fields (numbers, dates, status words) are ASCII.
            if !bytes.contains(where: { $0 >= 0x80 }) {
                return String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
            }
            return String(data: Data(bytes), encoding: .shiftJIS)
        }
    }
}
