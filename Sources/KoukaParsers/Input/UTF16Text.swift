import Foundation

/// UTF-16 text with a byte-order mark: what Excel's "Unicode テキスト" and Notepad's "Unicode" save.
/// Only a BOM tells it: without one, UTF-16 cannot be told apart from binary data, so nothing is guessed.
public enum UTF16Text: String, Sendable, Hashable {
    case littleEndian = "UTF-16LE"
    case bigEndian = "UTF-16BE"

    /// The byte order a file's first two bytes announce, nil when they are no UTF-16 BOM.
    static func byteOrder(_ first: UInt8, _ second: UInt8) -> UTF16Text? {
        switch (first, second) {
        case (0xFF, 0xFE): .littleEndian
        case (0xFE, 0xFF): .bigEndian
        default: nil
        }
    }

    /// The byte order of the file at `path` if it begins with a UTF-16 BOM; nil otherwise.
    public static func byteOrder(atPath path: String) throws(InputError) -> UTF16Text? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.cannotOpen(path: path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        let head: Data
        do { head = try handle.read(upToCount: 2) ?? Data() } catch {
            throw InputError.cannotRead(path: path, reason: "\(error)")
        }
        return head.count == 2 ? byteOrder(head[head.startIndex], head[head.startIndex + 1]) : nil
    }

    /// No UTF-16 file larger than this is decoded: only small files (transcripts) are read this way, whole.
    public static let maxDecodedBytes = 64 << 20

    /// The text of the file at `path` (which starts with this BOM), decoded whole; an error that names the
    /// encoding when the file is too large or does not decode (an unpaired surrogate, an odd byte count).
    public func decodeFile(atPath path: String, display: String) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.cannotRead(path: display, reason: "\(error)")
        }
        guard data.count <= Self.maxDecodedBytes else {
            throw InputError.unreadableEncoding(path: display, found: "\(rawValue) text larger than \(Self.maxDecodedBytes >> 20) MB")
        }
        let body = data.dropFirst(2)
        guard body.count % 2 == 0,
              let text = String(data: body, encoding: self == .littleEndian ? .utf16LittleEndian : .utf16BigEndian),
              !text.utf8.contains(0) else {
            throw InputError.unreadableEncoding(path: display, found: "\(rawValue) text that does not decode (a cut or damaged file)")
        }
        return text
    }
}
