import Foundation
import KoukaCore

/// Reads Power Automate Desktop flow runs: the Dataverse `flowsession` table exported as CSV, as a JSON
/// array, as `{"value":[…]}` (the Web API's shape) or as JSON lines. Times are UTC (`…Z`).
public struct PowerAutomateFlowSessionParser: LogParser {
    public let formatID = "power-automate-flowsession"

    public init() {}

    public func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        var runIDs = RunIDSet()
        if JSONRecords.isJSON(path) { return try parseJSON(path: path, context: context, into: sink) }
        return try CSVTable.read(path: path, context: context, format: formatID,
                                 required: ["name", "statuscode", "startedon"], sink: sink,
                                 wanted: ["flowsessionid", "name", "statuscode", "startedon", "completedon", "runduration"]) { row, summary throws(RowProblem) in
            let h = row.header
            let record = FlowSessionRecord(
                id: try h.column("flowsessionid").map { i throws(RowProblem) in try row.text(i) } ?? "",
                name: try row.text(h.column("name")!), startedOn: try row.text(h.column("startedon")!),
                completedOn: try h.column("completedon").map { i throws(RowProblem) in try row.text(i) } ?? "",
                runDuration: try h.column("runduration").map { i throws(RowProblem) in try row.text(i) } ?? "",
                statusCode: try row.text(h.column("statuscode")!))
            guard let event = try record.event(line: row.record.line, context: context) else {
                summary.pendingRuns += 1
                return
            }
            guard runIDs.insert(record.id) else { throw RowProblem("flowsessionid repeats an earlier row: the same run, counted once") }
            sink.accept(event)
        }
    }

    private func parseJSON(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        var runIDs = RunIDSet()
        let decoder = JSONDecoder()
        var summary = ParseSummary()
        let end = try JSONRecords.forEach(path: path, context: context, format: formatID) { json, line in
            summary.recordsRead += 1
            do throws(RowProblem) {
                guard let record = try? decoder.decode(FlowSessionRecord.self, from: json) else {
                    throw RowProblem("not a flowsession JSON object")
                }
                guard let event = try record.event(line: line, context: context) else {
                    summary.pendingRuns += 1
                    return
                }
                guard runIDs.insert(record.id) else { throw RowProblem("flowsessionid repeats an earlier record: the same run, counted once") }
                sink.accept(event)
            } catch {
                sink.reject(Rejection(file: context.displayPath, line: line, reason: error.reason))
            }
        }
        if let line = end.cutOffLine {
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: line, reason: "the file ends inside this record (JSON cut off)"))
        } else if !end.complete {
            sink.reject(Rejection(file: context.displayPath, line: 1, reason: "the JSON is cut off"))
        }
        if end.roots == 0 {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "the file is empty: no JSON")
        }
        return summary
    }
}
