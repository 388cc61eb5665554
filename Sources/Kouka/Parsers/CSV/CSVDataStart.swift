#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV export's header row and where its data begins: the byte offset just past the header, the line
/// number there, the file's encoding and size.
struct CSVDataStart {
    let header: CSVHeader
    let offset: Int64
    let line: Int
    let encoding: TextEncoding
    let size: Int64

    private struct Found: Error {}

    /// The header of the file at `path`, UTF-16 and tab-separated exports included (`CSVInput`); throws
    /// `FormatMismatch` when it lacks a `required` column or the file has none.
    static func header(path: String, context: ParseContext, format: String, required: [String]) throws -> CSVHeader {
        let input = try CSVInput(path: path, context: context, delimiter: nil)
        defer { input.remove() }
        return try find(input: input, context: context, format: format, required: required).header
    }

    /// Reads `input` up to the header row; throws `FormatMismatch` when it lacks a `required` column, names a column
    /// it reads (`read`) twice, or the file has none. Offsets and size are those of `input.path`.
    static func find(input: CSVInput, context: ParseContext, format: String, required: [String], read: [String] = []) throws -> CSVDataStart {
        let path = input.path
        let reader = try CSVReader(path: path, encoding: input.encoding)
        reader.delimiter = input.delimiter
        var header: CSVHeader? = nil
        var offset: Int64 = 0
        do {
            try reader.forEachRecord { record in
                guard !record.isBlank else { return }
                header = try CSVHeader.checked(record, context: context, format: format, required: required, read: read)
                offset = record.endOffset
                throw Found()
            }
        } catch is Found {}
        guard let header else {
            throw FormatMismatch(path: context.displayPath, format: format, reason: "the file is empty: no header row")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        return CSVDataStart(header: header, offset: offset, line: 1 + CSVSplit.lineEnds(path: path, before: offset, lineEnd: reader.lineEnd ?? 0x0A),
                            encoding: reader.encoding, size: Int64(info.st_size))
    }
}
