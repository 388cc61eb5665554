import Foundation

/// Reads Power Automate Desktop flow runs: the Dataverse `flowsession` table exported as CSV, as a JSON
/// array, as `{"value":[…]}` (the Web API's shape) or as JSON lines.
///
/// Dataverse stores times in UTC and writes them with `Z`; an export re-saved by Excel loses the `Z`
/// (`2025/3/31 20:00`) but not the UTC. Times without an offset are therefore read as UTC, unless the
/// source names another `timezone` (an export tool that writes local times).
package struct PowerAutomateFlowSessionParser: LogParser {
    package let formatID = "power-automate-flowsession"
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
        let required = ["name", "statuscode", "startedon"]
        return try CSVRunTable.read(path: path, context: context, format: formatID, required: required,
                                    wanted: ["flowsessionid"] + required + ["completedon", "runduration"], sink: sink,
                                    rowDay: { [clock = context.clock] in startDay(of: $0, clock: clock) }) { rowReader(context: $1) }
    }

    /// The day a rejected CSV row's run started (`CSVRowDay`).
    private func startDay(of row: CSVRow, clock: LocalClock) -> LocalDate? {
        func text(_ name: String) -> String { row.textForDating(row.header.column(name)) }
        return FlowSessionRecord(name: "", startedOn: text("startedon"), completedOn: text("completedon"), runDuration: text("runduration"),
                                 statusCode: "").startDay(reading: reading, clock: clock)
    }

    private func rowReader(context: ParseContext) -> CSVRunTable.RowBody {
        { row, sink, summary, runs throws(RowProblem) in
            let h = row.header
            let record = FlowSessionRecord(
                id: try h.column("flowsessionid").map { i throws(RowProblem) in try row.text(i) } ?? "",
                name: try row.text(h.column("name")!), startedOn: try row.text(h.column("startedon")!),
                completedOn: try h.column("completedon").map { i throws(RowProblem) in try row.text(i) } ?? "",
                runDuration: try h.column("runduration").map { i throws(RowProblem) in try row.text(i) } ?? "",
                statusCode: try row.text(h.column("statuscode")!))
            guard let event = try record.event(line: row.record.line, context: context, reading: reading) else {
                return WaitingRun.keep(id: record.id, line: row.record.line, summary: &summary, sink: sink) { () throws(RowProblem) in
                    try record.event(line: row.record.line, context: context.pastEveryAge, reading: reading)
                }
            }
            try runs.count(event, id: record.id, idColumn: "flowsessionid", line: row.record.line, clock: context.clock, into: sink)
        }
    }

    private func parseJSON(path: String, context: ParseContext, into sink: any ParseSink, runs: inout RunAdmission) throws -> ParseSummary {
        try JSONRecords.decoding(FlowSessionRecord.self, path: path, context: context, format: formatID, notARecord: "not a flowsession JSON object",
                                 into: sink, day: { [reading] in $0.startDay(reading: reading, clock: context.clock) },
                                 dayOfUndecoded: { [reading] in FlowSessionRecord.startDay(ofUndecoded: $0, reading: reading, clock: context.clock) }) { record, line, summary throws(RowProblem) in
            guard let event = try record.event(line: line, context: context, reading: reading) else {
                return WaitingRun.keep(id: record.id, line: line, summary: &summary, sink: sink) { () throws(RowProblem) in
                    try record.event(line: line, context: context.pastEveryAge, reading: reading)
                }
            }
            try runs.count(event, id: record.id, idColumn: "flowsessionid", line: line, clock: context.clock, into: sink)
        }
    }
}
