import Foundation

/// Reads a machine-translation tool's per-request usage log, as CSV or as JSON lines (or a JSON array),
/// with columns or keys mapped in the configuration. The unit is the source character; catalog baselines
/// are per 1,000 characters. The translated text is never read.
///
/// Roles: `time` and `characters` (required), `department`, `task` (a column naming the kind of
/// document; else the source's `task`), `post_edit_minutes` (replaces the catalog's estimate),
/// `source_language`, `target_language`, `user`, `run_id` (a request id, so that overlapping exports count
/// a request once), `status` with `[source.values]` `success` (required with it), `failure`, `cancelled` and
/// `unfinished`: a request the log says failed is a failure, never a success, and a status in none of the lists
/// is rejected.
package struct TranslationUsageParser: LogParser {
    package let formatID = "translation-usage"
    package let options: SourceOptions

    package static let roles = ColumnRoles(
        required: ["time", "characters"],
        optional: ["run_id", "department", "task", "post_edit_minutes", "source_language", "target_language", "user", "status"],
        valueLists: ["success", "failure", "cancelled", "unfinished"])

    package init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        self.options = options
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try MappedRuns.read(options: options, context: context, sink: sink) { part, runs in
            try JSONRecords.isJSON(path, display: context.displayPath) ? try parseJSON(path: path, context: context, into: part, runs: &runs)
                : try parseCSV(path: path, context: context, into: part, runs: &runs)
        }
    }

    /// Whether the keys handed to `counted(runs:)` are row keys (no `run_id` mapped): see `MappedRuns`.
    package var logsRowKeys: Bool { MappedRuns.keepsRowKeys(options) }
    /// Its rows' times are the export's: another export may date a run otherwise.
    package var datesRunsAsExported: Bool { true }

    private func parseCSV(path: String, context: ParseContext, into sink: any ParseSink, runs: inout MappedRuns) throws -> ParseSummary {
        return try CSVTable.read(path: path, context: context, format: formatID, required: options.mappedColumns, sink: sink,
                                 redactsValues: true, delimiter: options.delimiter, rowDay: { MappedRow(row: $0, options: options).day("time", clock: context.clock) }) { row, summary throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            try StillRunning.count(listed: try m.outcome(), since: try TranslationRecord.instant(of: m.text("time"), clock: context.clock),
                                   context: context, options: options, summary: &summary, runs: &runs, into: sink) { outcome throws(RowProblem) in
                let record = TranslationRecord(outcome: outcome,
                    time: try m.text("time"), characters: try m.text("characters"),
                    department: try m.text("department"), task: try m.text("task"), postEditMinutes: try m.text("post_edit_minutes"),
                    sourceLanguage: try m.text("source_language"), targetLanguage: try m.text("target_language"))
                return (try record.event(line: row.record.line, context: context, options: options), try m.text("run_id"), row.record.line)
            }
        }
    }

    private func parseJSON(path: String, context: ParseContext, into sink: any ParseSink, runs: inout MappedRuns) throws -> ParseSummary {
        var summary = ParseSummary()
        let c = options.columns
        let end = try JSONObjectRecords.read(path: path, context: context, format: formatID) { object, line in
            summary.recordsRead += 1
            do throws(RowProblem) {
                guard let object else { throw RowProblem("not a JSON object") }
                func event(_ outcome: Outcome) throws(RowProblem) -> (event: UsageEvent, runID: String, line: Int) {
                    let record = TranslationRecord(outcome: outcome,
                        time: JSONObjectRecords.text(object, c["time"]), characters: JSONObjectRecords.text(object, c["characters"]),
                        department: JSONObjectRecords.text(object, c["department"]), task: JSONObjectRecords.text(object, c["task"]),
                        postEditMinutes: JSONObjectRecords.text(object, c["post_edit_minutes"]),
                        sourceLanguage: JSONObjectRecords.text(object, c["source_language"]), targetLanguage: JSONObjectRecords.text(object, c["target_language"]))
                    return (try record.event(line: line, context: context, options: options), JSONObjectRecords.text(object, c["run_id"]), line)
                }
                guard c["status"] != nil else {
                    let built = try event(.success)
                    return try runs.accept(built.event, runID: built.runID, line: line, into: sink)
                }
                try StillRunning.count(
                    listed: try options.outcome(ofStatus: JSONObjectRecords.text(object, c["status"]), quoted: CSVRow.withheld),
                    since: try TranslationRecord.instant(of: JSONObjectRecords.text(object, c["time"]), clock: context.clock),
                    context: context, options: options, summary: &summary, runs: &runs, into: sink, event: event)
            } catch {
                sink.reject(error.rejection(file: context.displayPath, line: line) {
                    object.flatMap { Timestamp(JSONObjectRecords.text($0, c["time"])) }.map { context.clock.localDate(of: $0.instant(in: context.clock)) }
                })
            }
        }
        if !end.complete {
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the JSON is cut off here; the records before the cut were counted"))
        }
        if end.roots == 0 { throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no JSON records") }
        return summary
    }
}
