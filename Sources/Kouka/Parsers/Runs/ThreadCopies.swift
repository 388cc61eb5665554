/// Copies of shared values for one thread's reading of a part of a file.
///
/// Every row a thread reads retains the path it names in its events and the header it is read against.
/// When two cores retain the same object they fight over its reference count, and that cost a tenth of a
/// large export's ingest; with copies of their own they never touch the same object.
enum ThreadCopies {
    /// `context` with a path of its own.
    static func context(_ context: ParseContext) -> ParseContext {
        var copy = context
        copy.displayPath = String(decoding: Array(context.displayPath.utf8), as: UTF8.self)
        return copy
    }

    static func header(_ header: CSVHeader) -> CSVHeader { CSVHeader(names: header.names) }
}
