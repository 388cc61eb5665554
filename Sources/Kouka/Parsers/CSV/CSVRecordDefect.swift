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
    /// Never found in a log that may hold what a citizen wrote: there it is `rowsInsideQuoteRejectedWhole`.
    case rowsInsideQuote(firstRowLine: Int, lastLine: Int)
    /// The record is longer than `CSVReader.maxRecordBytes`; the rest of its line is passed over.
    case tooLong(limit: Int)
    /// In a log that may hold what a citizen wrote (`CSVReader.readsLinesInsideAQuoteAsRows` off): a quote opened in the
    /// record's first line is not closed where the row should end, the record running on to `lastLine` with `fields` fields
    /// where the header has `expected`. The record is rejected whole: its later lines may be the citizen's text, and are
    /// never read as rows; reading goes on after `lastLine`.
    case unclosedQuoteRejectedWhole(lastLine: Int, fields: Int, expected: Int)
    /// In a log that may hold what a citizen wrote: as `rowsInsideQuote`, but the record is rejected whole, through
    /// `lastLine`, and none of its lines is read as a row (a citizen may have pasted a row of the export into a question).
    case rowsInsideQuoteRejectedWhole(firstRowLine: Int, lastLine: Int)
    /// In a log that may hold what a citizen wrote: a quote opened in the record's first line is still open where the file
    /// ends (through `lastLine`). The record is rejected whole, every line after its first with it, none read as a row.
    case quoteOpenAtEndRejectedWhole(lastLine: Int)
    /// In a log that may hold what a citizen wrote: the record is longer than `CSVReader.maxRecordBytes`. The rest of the
    /// file is passed over, since any line of it may be inside a quote whose opening was never read.
    case tooLongRestPassedOver(limit: Int)

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
        case let .unclosedQuoteRejectedWhole(lastLine, fields, expected):
            "a quote in this row is not closed where the row ends (it ran on to line \(lastLine) as \(fields) fields, the header has \(expected)); its lines through line \(lastLine) are rejected with it and not read as rows, as they may be a citizen's text — check the export"
        case let .rowsInsideQuoteRejectedWhole(firstRowLine, lastLine):
            "a quote in this row runs on to line \(lastLine), and line \(firstRowLine) inside it reads as a row of its own: a quote out of place, or a row of the export pasted into a question; its lines through line \(lastLine) are rejected with it and not read as rows, as they may be a citizen's text — check the export"
        case let .quoteOpenAtEndRejectedWhole(lastLine):
            "a quote in this row is not closed before the file ends (line \(lastLine)); the lines after it are rejected with it and not read as rows, as they may be a citizen's text — check the export"
        case let .tooLongRestPassedOver(limit):
            "the row is longer than \(limit / (1 << 20)) MiB; the rest of the file is passed over and not read as rows, as its lines may be inside a citizen's text — check the export"
        }
    }
}
