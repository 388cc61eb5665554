
/// Reads an AI-OCR tool's reading-job export (DX Suite, Tegaki and the like): one row per job or per
/// sheet, columns mapped in the configuration. The unit is the sheet (枚) of a form type (帳票).
///
/// Roles: `form` and `time` (required), `sheets` (1 a row when unmapped; when mapped, an empty cell is
/// rejected, not taken for 1, except on a cancelled row), `verification_minutes` (the time a person spent
/// checking, which replaces the catalog's estimate), `fields` and `corrected` (fields read and corrected by
/// a person, kept for the tool review: see `MappedRow.fieldCorrections`), `department`, `status` with
/// `[source.values]` `success` (required with it), `failure`, `cancelled` and `unfinished`; a status in
/// none of them is rejected. `run_id` names each job, so that overlapping exports count it once.
package struct AIOCRCSVParser: LogParser {
    package let formatID = "ai-ocr-csv"
    package let options: SourceOptions

    package static let roles = ColumnRoles(
        required: ["form", "time"], optional: ["run_id", "sheets", "fields", "corrected", "verification_minutes", "department", "status"],
        valueLists: ["success", "failure", "cancelled", "unfinished"])

    package init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        self.options = options
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try MappedRuns.read(options: options, context: context, sink: sink) { part, runs in try parse(path: path, context: context, into: part, runs: &runs) }
    }

    /// Whether the keys handed to `counted(runs:)` are row keys (no `run_id` mapped): see `MappedRuns`.
    package var logsRowKeys: Bool { MappedRuns.keepsRowKeys(options) }
    /// Its rows' times are the export's: another export may date a run otherwise.
    package var datesRunsAsExported: Bool { true }

    private func parse(path: String, context: ParseContext, into sink: any ParseSink, runs: inout MappedRuns) throws -> ParseSummary {
        return try CSVTable.read(path: path, context: context, format: formatID, required: options.mappedColumns, sink: sink,
                                 delimiter: options.delimiter, rowDay: { MappedRow(row: $0, options: options).day("time", clock: context.clock) }) { row, summary throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            let time = try m.instant("time", clock: context.clock)
            try StillRunning.count(listed: try m.outcome(), since: time, context: context, options: options, summary: &summary, runs: &runs,
                                   into: sink) { outcome throws(RowProblem) in
                let sheets = try m.count("sheets", outcome: outcome) ?? 1
                let verification = try m.number("verification_minutes")
                var event = UsageEvent(
                    family: .aiOCR, occurredAt: time, taskName: try m.required("form"),
                    department: try m.department(), outcome: outcome, quantity: sheets, unit: .sheets,
                    humanSeconds: verification.map { $0 * 60 }, source: context.location(row.record.line))
                event.quality = try m.fieldCorrections()
                return (event, try m.text("run_id"), row.record.line)
            }
        }
    }
}
