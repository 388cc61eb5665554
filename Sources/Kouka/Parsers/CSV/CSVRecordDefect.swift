/// Why a record libcsv returned cannot be a row of the file: the reader found it broken, rejected it, and
/// read on after it.
package enum CSVRecordDefect: Sendable, Equatable {
    /// A quote opened in the record's first line is not closed where the row should end: the record ran on
    /// to `lastLine` with `fields` fields where the header has `expected`. Only the first line is rejected;
    /// the lines after it are read again as rows of their own, so none of them is lost.
    case unclosedQuote(lastLine: Int, fields: Int, expected: Int)
    /// A quote opened in the record's first line is still open where the file ends (through `lastLine`): every line
    /// after it went into one field. Only the first line is rejected; the lines after it are read again as rows.
    case quoteOpenAtEnd(lastLine: Int)
    /// A quote opened in the record's first line was closed by a later line's quote, giving the header's width,
    /// but line `firstRowLine` inside it reads as a row of the file (see `RowLikeLine`): the quote did not
    /// belong there. Only the first line is rejected; the lines after it, through `lastLine`, are read again as rows.
    case rowsInsideQuote(firstRowLine: Int, lastLine: Int)
    /// The record is longer than `CSVReader.maxRecordBytes`; the rest of its line is passed over.
    case tooLong(limit: Int)

    /// The rejection's reason, naming no value (the record may hold what a citizen wrote).
    package var reason: String {
        switch self {
        case let .unclosedQuote(lastLine, fields, expected):
            "a quote in this row is not closed (it ran on to line \(lastLine) as \(fields) fields, the header has \(expected)); the lines after it were read on their own"
        case let .quoteOpenAtEnd(lastLine):
            "a quote in this row is not closed before the file ends (line \(lastLine)); the lines after it were read on their own"
        case let .rowsInsideQuote(firstRowLine, lastLine):
            "a quote in this row is not closed where the row ends: it ran on to line \(lastLine), and line \(firstRowLine) inside it reads as a row of its own; the lines after it were read on their own"
        case let .tooLong(limit):
            "the row is longer than \(limit / (1 << 20)) MiB; it is passed over to its line's end — check the export"
        }
    }
}
