import Foundation

/// Reads Power Automate cloud flow run history kept in Dataverse's `flowrun` table (Microsoft keeps it 28
/// days by default, so a city saves it): the Web API's answer (`{"@odata.context":…,"value":[…]}`), a JSON
/// array, JSON lines, or the maker portal's CSV export.
///
/// A run is a run of its flow (`workflowname`), counted once by its id (`name`) across overlapping saves.
/// A child flow's run (it has a `parentrunid`) is part of its parent's run and is not counted on its own.
/// Times without an offset are UTC, as Dataverse keeps them, unless the source names another `timezone`.
package struct PowerAutomateFlowRunParser: LogParser {
    package let formatID = "power-automate-flowrun"
    /// The zone of times without an offset.
    let reading: LocalClock

    package init(options: SourceOptions = SourceOptions()) {
        reading = LocalClock(zone: options.timeZone ?? TimeZone(identifier: "UTC")!)
    }

    /// CSV exports are read by `CSVRunTable`, which hashes what it reads; JSON is read another way.
    package func digestsWhileReading(path: String) -> Bool { JSONRecords.digestsWhileReading(path) }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        if try JSONRecords.isJSON(path, display: context.displayPath) {
            return try RunCountingRead.read(context: context, sink: sink) { part, runs in
                try parseJSON(path: path, context: context, into: part, runs: &runs)
            }
        }
        let header = try CSVDataStart.header(path: path, context: context, format: formatID, required: FlowRunColumns.name)
        let columns = FlowRunColumns(header)
        let missing = columns.missing
        guard missing.isEmpty else {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "the header lacks column(s) \(missing.joined(separator: ", "))")
        }
        return try CSVRunTable.read(path: path, context: context, format: formatID, required: FlowRunColumns.name,
                                    wanted: FlowRunColumns.all, sink: sink,
                                    rowDay: { [reading, clock = context.clock] in columns.day(of: $0, reading: reading, clock: clock) }) { header, context in rowReader(columns: FlowRunColumns(header), context: context) }
    }

    private func rowReader(columns: FlowRunColumns, context: ParseContext) -> CSVRunTable.RowBody {
        { row, sink, summary, runs throws(RowProblem) in
            try read(try columns.record(row), line: row.record.line, context: context, sink: sink, summary: &summary, runs: &runs)
        }
    }

    private func read(_ record: FlowRunRecord, line: Int, context: ParseContext, sink: any ParseSink, summary: inout ParseSummary,
                      runs: inout RunAdmission) throws(RowProblem) {
        if record.hasParentField, record.isChild { return }
        guard let event = try record.event(line: line, context: context, reading: reading) else {
            return WaitingRun.keep(id: record.name, line: line, summary: &summary, sink: sink) { () throws(RowProblem) in
                try record.event(line: line, context: context.pastEveryAge, reading: reading)
            }
        }
        try runs.count(event, id: record.name, idColumn: "name", line: line, clock: context.clock, into: sink)
    }

    private func parseJSON(path: String, context: ParseContext, into sink: any ParseSink, runs: inout RunAdmission) throws -> ParseSummary {
        try JSONRecords.decoding(FlowRunRecord.self, path: path, context: context, format: formatID, notARecord: "not a flowrun JSON object",
                                 into: sink, day: { [reading] in $0.day(reading: reading, clock: context.clock) }) { record, line, summary throws(RowProblem) in
            try read(record, line: line, context: context, sink: sink, summary: &summary, runs: &runs)
        }
    }
}
