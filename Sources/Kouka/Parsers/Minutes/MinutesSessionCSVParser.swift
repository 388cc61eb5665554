
/// Reads a minutes-drafting tool's session log (AmiVoice ScribeAssist and the like): one row per meeting,
/// columns mapped in the configuration. The unit is the minute of audio.
///
/// Roles: `meeting` and `time` (required), `audio_minutes` or `audio_seconds` (one is required),
/// `editing_minutes` (the time a person spent editing the draft, which replaces the catalog's estimate),
/// `department`, `status` with `[source.values]` `success` (required with it), `failure`, `cancelled` and
/// `unfinished`; a status in none of them is rejected. `run_id` names each session, so that overlapping
/// exports count it once.
package struct MinutesSessionCSVParser: LogParser {
    package let formatID = "minutes-session-csv"
    package let options: SourceOptions

    package static let roles = ColumnRoles(
        required: ["meeting", "time"], optional: ["run_id", "audio_minutes", "audio_seconds", "editing_minutes", "department", "status"],
        valueLists: ["success", "failure", "cancelled", "unfinished"])

    package init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        guard options.columns["audio_minutes"] != nil || options.columns["audio_seconds"] != nil else {
            throw MappingError("[source.columns] must name audio_minutes or audio_seconds")
        }
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
                                 redactsValues: true, delimiter: options.delimiter, rowDay: { MappedRow(row: $0, options: options).day("time", clock: context.clock) }) { row, summary throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            let time = try m.instant("time", clock: context.clock)
            try StillRunning.count(listed: try m.outcome(), since: time, context: context, options: options, summary: &summary, runs: &runs,
                                   into: sink) { outcome throws(RowProblem) in
                var audio = try m.number("audio_minutes")
                if audio == nil, let seconds = try m.number("audio_seconds") { audio = seconds / 60 }
                guard let audio else {
                    throw RowProblem("the audio length is empty")
                }
                let editing = try m.number("editing_minutes")
                return (UsageEvent(
                    family: .minutes, occurredAt: time, taskName: try m.required("meeting"),
                    department: try m.department(), outcome: outcome, quantity: audio, unit: .audioMinutes,
                    humanSeconds: editing.map { $0 * 60 }, source: context.location(row.record.line)), try m.text("run_id"), row.record.line)
            }
        }
    }
}
