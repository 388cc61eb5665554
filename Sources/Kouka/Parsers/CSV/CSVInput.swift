import Foundation

/// What a mapped CSV export is read as: the file itself, or a UTF-8 copy of a UTF-16 one, and the byte
/// between its fields. Excel's "Unicode テキスト" is both UTF-16LE and tab-separated.
struct CSVInput {
    /// The file to read.
    let path: String
    let encoding: TextEncoding
    let delimiter: UInt8
    /// The UTF-8 copy to remove once read, if one was made.
    private let copy: URL?

    static let comma: UInt8 = 0x2C
    static let tab: UInt8 = 0x09

    /// Settles how to read `path`: a UTF-16 BOM makes a UTF-8 copy; `delimiter` nil is taken from the header
    /// row, a tab when it has tabs and no comma, else a comma (a header with both fails on its columns, loudly).
    init(path: String, context: ParseContext, delimiter configured: UInt8?) throws {
        if let order = try UTF16Text.byteOrder(atPath: path) {
            let copy = try order.utf8Copy(of: path, display: context.displayPath)
            self.copy = copy
            self.path = copy.path
            encoding = .utf8
        } else {
            copy = nil
            self.path = path
            encoding = context.encoding
        }
        do {
            delimiter = try configured ?? Self.headerDelimiter(self.path, encoding: encoding)
        } catch {
            if let copy { Discard.temporary(copy) }
            throw error
        }
    }

    /// Whether `path` is a UTF-8 copy, not the file itself: its offsets and bytes are not the file's.
    var isCopy: Bool { copy != nil }

    /// Removes the UTF-8 copy, if one was made.
    func remove() {
        if let copy { Discard.temporary(copy) }
    }

    private struct Found: Error { let delimiter: UInt8 }

    /// Reads only up to the first line with content (the header): one block, not the file.
    private static func headerDelimiter(_ path: String, encoding: TextEncoding) throws -> UInt8 {
        do {
            try LineReader(path: path, encoding: encoding).forEachLine { line in
                guard line.bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
                throw Found(delimiter: line.bytes.contains(tab) && !line.bytes.contains(comma) ? tab : comma)
            }
        } catch let found as Found {
            return found.delimiter
        }
        return comma
    }
}
