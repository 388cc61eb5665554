import Foundation

/// Reads UiPath Orchestrator's record of what ran: jobs (`/odata/Jobs`, the Jobs page's export) and queue
/// items (`/odata/QueueItems`), as a saved API answer (`{"@odata.context":…,"value":[…]}`), a JSON array,
/// JSON lines or CSV. A file may hold jobs, items or both; a job (it has a `State`) is a run of its process
/// (`ReleaseName`), a queue item (it has a `Status`) one item of its queue (`QueueDefinitionId`).
///
/// Each job and item is counted once by its `Key`, however many overlapping exports hold it. Pending and
/// running jobs, and new or in-progress items, wait for a later night until they are older than the allowed
/// age: then they are `unfinished`.
///
/// Orchestrator keeps and answers times in UTC (`2024-04-01T00:30:00Z`). Times without an offset (an export
/// re-saved by Excel) are therefore read as UTC, unless the source names another `timezone`.
package struct UiPathOrchestratorParser: LogParser {
    package let formatID = "uipath-orchestrator"
    /// The zone of times without an offset.
    let reading: LocalClock

    package init(options: SourceOptions = SourceOptions()) {
        reading = LocalClock(zone: options.timeZone ?? TimeZone(identifier: "UTC")!)
    }

    /// CSV exports are read by `CSVRunTable`, which hashes what it reads; JSON is read another way.
    package func digestsWhileReading(path: String) -> Bool { JSONRecords.digestsWhileReading(path) }
    /// A job or queue item still waiting has no StartTime (StartProcessing) yet: it is dated by its CreationTime.
    package var redatesEndedRuns: Bool { true }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        if try JSONRecords.isJSON(path, display: context.displayPath) {
            return try RunCountingRead.read(context: context, sink: sink) { part, runs in
                try parseJSON(path: path, context: context, into: part, runs: &runs)
            }
        }
        let header = try CSVDataStart.header(path: path, context: context, format: formatID, required: OrchestratorColumns.key)
        let columns = OrchestratorColumns(header)
        if let lack = columns.lack {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "the header has \(lack)")
        }
        return try CSVRunTable.read(path: path, context: context, format: formatID, required: OrchestratorColumns.key,
                                    wanted: OrchestratorColumns.all, sink: sink,
                                    rowDay: { [reading, clock = context.clock] in columns.day(of: $0, reading: reading, clock: clock) }) { header, context in rowReader(columns: OrchestratorColumns(header), context: context) }
    }

    private func rowReader(columns: OrchestratorColumns, context: ParseContext) -> CSVRunTable.RowBody {
        { row, sink, summary, runs throws(RowProblem) in
            let record = try columns.record(row)
            guard let event = try record.event(line: row.record.line, context: context, reading: reading) else {
                return WaitingRun.keep(id: record.key, line: row.record.line, summary: &summary, sink: sink) { () throws(RowProblem) in
                    try record.event(line: row.record.line, context: context.pastEveryAge, reading: reading)
                }
            }
            try runs.count(event, id: record.key, idColumn: "Key", line: row.record.line, clock: context.clock, into: sink)
        }
    }

    private func parseJSON(path: String, context: ParseContext, into sink: any ParseSink, runs: inout RunAdmission) throws -> ParseSummary {
        try JSONRecords.decoding(OrchestratorRecord.self, path: path, context: context, format: formatID,
                                 notARecord: "not an Orchestrator job or queue item JSON object", into: sink,
                                 day: { [reading] in $0.day(reading: reading, clock: context.clock) }) { record, line, summary throws(RowProblem) in
            guard let event = try record.event(line: line, context: context, reading: reading) else {
                return WaitingRun.keep(id: record.key, line: line, summary: &summary, sink: sink) { () throws(RowProblem) in
                    try record.event(line: line, context: context.pastEveryAge, reading: reading)
                }
            }
            try runs.count(event, id: record.key, idColumn: "Key", line: line, clock: context.clock, into: sink)
        }
    }
}
