import Foundation

extension JSONRecords {
    /// Reads each record of a JSON log as a `Record`, handing it to `body` with its line; the one loop of the
    /// formats that come as CSV or JSON with a record per run (flowsession, flowrun, Orchestrator).
    ///
    /// A record that does not decode, or that `body` refuses, is rejected with its line and, where `day` can
    /// tell, the day of its run; a file cut inside or between records has the cut rejected and counted as
    /// read; a file with no JSON at all is not this format.
    static func decoding<Record: Decodable>(
        _ type: Record.Type, path: String, context: ParseContext, format: String, notARecord: String, into sink: any ParseSink,
        day: (Record) -> LocalDate?, dayOfUndecoded: (Data) -> LocalDate? = { _ in nil },
        _ body: (Record, Int, inout ParseSummary) throws(RowProblem) -> Void
    ) throws -> ParseSummary {
        let decoder = JSONDecoder()
        var summary = ParseSummary()
        let end = try forEach(path: path, context: context, format: format) { json, line in
            summary.recordsRead += 1
            var record: Record? = nil
            do throws(RowProblem) {
                let decoded: Record
                do { decoded = try decoder.decode(Record.self, from: json) } catch {
                    throw RowProblem("\(notARecord) (\(DecodingProblem.describe(error)))")
                }
                record = decoded
                try body(decoded, line, &summary)
            } catch {
                // A record that did not decode (a field of another type) is still dated by the fields it gives readably.
                sink.reject(error.rejection(file: context.displayPath, line: line) { record.map(day) ?? dayOfUndecoded(json) })
            }
        }
        if let line = end.cutOffLine {
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: line, reason: "the file ends inside this record (JSON cut off)"))
        } else if !end.complete {
            // Cut between records: the rejected cut is counted as read, as one inside a record is.
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the JSON is cut off"))
        }
        if end.roots == 0 {
            throw FormatMismatch(path: context.displayPath, format: format, reason: "the file is empty: no JSON")
        }
        return summary
    }
}
