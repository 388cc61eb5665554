import Foundation

/// Reads any robot's CSV export (BizRobo!, Blue Prism, Automation Anywhere, in-house scripts) through
/// the column mapping in its `[[source]]`.
///
/// Roles: `task` (required), `start` (required unless `end` and `duration` are both mapped), `end`,
/// `duration` (seconds), `status`, `items`, `department`. With `status` mapped, `[source.values]` lists
/// `success` (required), `failure`, `cancelled` and `unfinished`; a value in none of them is rejected. A run
/// still `unfinished` waits for its end up to `pending_max_hours`; past it, it counts as unfinished (a failure)
/// when `run_id` is mapped, and is rejected when not (a later export holding it ended could not take it over).
/// With `items` mapped the unit is items and every row that succeeded or failed must give its count (0 is
/// a count; an empty cell is rejected, not taken for 1); without it each row is one run. `run_id` names
/// each run, so that overlapping exports count it once (`MappedRuns`).
package struct RobotCSVParser: LogParser {
    package let formatID = "rpa-csv"
    package let options: SourceOptions

    package static let roles = ColumnRoles(
        required: ["task"], optional: ["run_id", "start", "end", "duration", "status", "items", "department"],
        valueLists: ["success", "failure", "cancelled", "unfinished"])

    /// Checks the mapping; the message says what to add to the configuration.
    package init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        let c = options.columns
        guard c["start"] != nil || (c["end"] != nil && c["duration"] != nil) else {
            throw MappingError("[source.columns] needs start, or both end and duration")
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
    /// A row is one run of a robot.
    package var rowKeysAreRobotRuns: Bool { logsRowKeys }

    /// Why a row has no start time, naming the empty cell: the start's, or, for an export mapped with an end and a
    /// duration, the end's or the duration's (helper-85's empty-duration-wrong-reason.sh named the end, which held a time).
    static func noStart(options: SourceOptions, end: Date?) -> RowProblem {
        let empty = if let start = options.columns["start"] { start } else if end == nil { options.columns["end"] ?? "end" } else { options.columns["duration"] ?? "duration" }
        return RowProblem("no start time: column \(empty) is empty")
    }

    private func parse(path: String, context: ParseContext, into sink: any ParseSink, runs: inout MappedRuns) throws -> ParseSummary {
        return try CSVTable.read(path: path, context: context, format: formatID, required: options.mappedColumns, sink: sink,
                                 delimiter: options.delimiter, rowDay: { Self.startDay(of: MappedRow(row: $0, options: options), clock: context.clock) }) { row, summary throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            let listed = try m.outcome()
            let name = try m.required("task")
            let duration = try m.number("duration")
            var start: Date? = nil, end: Date? = nil
            if !(try m.text("start")).isEmpty { start = try m.instant("start", clock: context.clock) }
            if !(try m.text("end")).isEmpty { end = try m.instant("end", clock: context.clock) }
            if start == nil, let end, let duration { start = end.addingTimeInterval(-duration) }
            guard let start else { throw Self.noStart(options: options, end: end) }
            try StillRunning.count(listed: listed, since: start, context: context, options: options, summary: &summary, runs: &runs,
                                   into: sink) { outcome throws(RowProblem) in
                var machine = duration
                if let end {
                    let span = try RunSpan.seconds(from: start, to: end, startColumn: options.columns["start"] ?? "start",
                                                   endColumn: options.columns["end"] ?? "end")
                    machine = duration ?? span
                }
                return (UsageEvent(
                    family: .rpa, occurredAt: start, taskName: name, department: try m.department(), outcome: outcome,
                    quantity: try m.count("items", outcome: outcome) ?? 1, unit: m.has("items") ? .items : .runs, machineSeconds: machine,
                    source: context.location(row.record.line)), try m.text("run_id"), row.record.line)
            }
        }
    }

    /// The day a rejected row's run started, as `parse` reads it: its start, else its end less its duration;
    /// nil when the row does not give them readably.
    private static func startDay(of m: MappedRow, clock: LocalClock) -> LocalDate? {
        do throws(RowProblem) {
            if !(try m.text("start")).isEmpty { return clock.localDate(of: try m.instant("start", clock: clock)) }
            guard !(try m.text("end")).isEmpty, let duration = try m.number("duration") else { return nil }
            return clock.localDate(of: try m.instant("end", clock: clock).addingTimeInterval(-duration))
        } catch {
            return nil
        }
    }
}
