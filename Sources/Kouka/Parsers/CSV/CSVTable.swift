
/// Reads a CSV export with a header row: checks the header once, then hands each data row to `body`.
/// UTF-16 with a BOM and tab-separated exports are read too (see `CSVInput`).
/// A row for which `body` throws `RowProblem` is rejected with its line, and with its day from `rowDay` when
/// the problem does not carry one; the rest of the file goes on. A record too broken to be a row (a quote
/// left open, a record too long) has no day: its fields cannot be trusted to be in their columns. With `redactsValues` no
/// line inside a quote is ever read as a row (`CSVReader.readsLinesInsideAQuoteAsRows`): a broken record is rejected whole.
enum CSVTable {
    static func read(
        path: String, context: ParseContext, format: String, required: [String], sink: any ParseSink, redactsValues: Bool = false,
        wanted: [String]? = nil, delimiter: UInt8? = nil, rowDay: CSVRowDay, body: (CSVRow, inout ParseSummary) throws(RowProblem) -> Void
    ) throws -> ParseSummary {
        let input = try CSVInput(path: path, context: context, delimiter: delimiter)
        defer { input.remove() }
        let reader = try CSVReader(path: input.path, encoding: input.encoding)
        reader.delimiter = input.delimiter
        // A quoted field over several lines in such a log may be a citizen's text: no line of it is read as a row.
        reader.readsLinesInsideAQuoteAsRows = !redactsValues
        var header: CSVHeader? = nil
        var summary = ParseSummary()
        try reader.forEachRecord { record in
            guard let header else {
                guard !record.isBlank else { return }
                let found = try CSVHeader.checked(record, context: context, format: format, required: required, read: wanted ?? [])
                header = found
                // Only the columns the parser reads are copied from here on.
                reader.wantedColumns = (wanted ?? required).compactMap { found.column($0) }
                reader.expectedFields = found.names.count
                reader.fewestFields = found.namedCount
                return
            }
            guard !record.isBlank else { return }
            summary.recordsRead += 1
            if let defect = record.defect {
                sink.reject(Rejection(file: context.displayPath, line: record.line, reason: defect.reason))
                return
            }
            let row = CSVRow(record: record, header: header, redactsValues: redactsValues)
            do throws(RowProblem) {
                try row.checkWidth()
                try body(row, &summary)
            } catch {
                sink.reject(error.rejection(file: context.displayPath, line: record.line) { rowDay(row) })
            }
        }
        if header == nil {
            throw FormatMismatch(path: context.displayPath, format: format, reason: "the file is empty: no header row")
        }
        return summary
    }

    /// Parses a date-time column; a time without an offset is local to the configured zone.
    static func timestamp(_ text: String, column: String) throws(RowProblem) -> Timestamp {
        guard let stamp = Timestamp(text) else {
            throw RowProblem("column \(column) is not a date-time: \(text.prefix(30))")
        }
        return stamp
    }
}
