import Foundation
import Kouka
import Testing

/// The byte forms FORMATS.md says every parser must read: UTF-8, UTF-8 with a BOM, Shift_JIS (CP932),
/// each with CRLF or LF line ends.
enum FileVariant: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case utf8LF, utf8CRLF, utf8BOMLF, utf8BOMCRLF, shiftJISLF, shiftJISCRLF

    var testDescription: String { rawValue }

    var newline: String { rawValue.hasSuffix("CRLF") ? "\r\n" : "\n" }
    var hasBOM: Bool { rawValue.hasPrefix("utf8BOM") }
    var isShiftJIS: Bool { rawValue.hasPrefix("shiftJIS") }
    /// What `.auto` should settle on for a file written this way.
    var detectedEncoding: TextEncoding { isShiftJIS ? .shiftJIS : .utf8 }

    static let utf8Variants: [FileVariant] = [.utf8LF, .utf8CRLF, .utf8BOMLF, .utf8BOMCRLF]

    /// `lines` joined with this variant's line end (a newline inside a line stays as written, as Excel
    /// keeps LF inside a quoted cell of a CRLF file), with or without a line end after the last one.
    func encode(_ lines: [String], finalNewline: Bool = true) -> Data {
        let text = lines.joined(separator: newline) + (finalNewline ? newline : "")
        return encode(text: text)
    }

    /// `text` as a whole file in this variant: the BOM if it has one, then the text's bytes.
    func encode(text: String) -> Data { (hasBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + bytes(text) }

    /// `text` in this variant's encoding, without a BOM (its line ends are left as they are).
    func bytes(_ text: String) -> Data {
        if isShiftJIS {
            guard let data = text.data(using: .shiftJIS) else { preconditionFailure("not representable in Shift_JIS: \(text)") }
            return data
        }
        return Data(text.utf8)
    }

    /// Decodes bytes read from a file of this variant (for checking what a reader handed over).
    func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        isShiftJIS ? String(data: Data(bytes), encoding: .shiftJIS) : String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }
}

/// Builds a file line by line in one variant, keeping track of byte offsets and line numbers, so a test
/// can place a record exactly across a read-block boundary.
struct FileBuilder {
    let variant: FileVariant
    private(set) var data: Data
    /// The 1-based line number the next added line will start on.
    private(set) var nextLine = 1

    init(_ variant: FileVariant) {
        self.variant = variant
        data = variant.hasBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()
    }

    /// Adds `line` and its line end; returns the line it starts on. Newlines inside `line` count as lines.
    @discardableResult
    mutating func add(_ line: String, newline: Bool = true) -> Int {
        let start = nextLine
        data += variant.bytes(line + (newline ? variant.newline : ""))
        nextLine += 1 + line.filter { $0 == "\n" || $0 == "\r\n" }.count
        return start
    }
}

/// ByteChunkReader's block size: 256 KiB.
let readBlockSize = 256 * 1024
