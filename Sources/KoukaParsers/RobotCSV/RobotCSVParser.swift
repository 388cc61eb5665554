import Foundation
import KoukaCore

/// Reads any robot's CSV export through a column mapping from the configuration.
public struct RobotCSVParser: LogParser {
    public let formatID = "rpa-csv"
    public let mapping: RobotCSVMapping

    public init(mapping: RobotCSVMapping) { self.mapping = mapping }

    public func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        let m = mapping
        return try CSVTable.read(path: path, context: context, format: formatID, required: m.requiredColumns, sink: sink) { row, summary throws(RowProblem) in
            let h = row.header
            func column(_ name: String?) -> Int? { name.flatMap { h.column($0) } }
            var outcome = Outcome.success
            if let statusColumn = column(m.status) {
                guard let value = try m.outcome(of: row.required(statusColumn)) else {
                    summary.pendingRuns += 1
                    return
                }
                outcome = value
            }
            let name = try row.required(column(m.task)!)
            let duration = try row.number(column(m.duration))
            var start: Date? = nil, end: Date? = nil
            if let i = column(m.start), case let text = try row.text(i), !text.isEmpty {
                start = try CSVTable.timestamp(text, column: m.start!).instant(in: context.clock)
            }
            if let i = column(m.end), case let text = try row.text(i), !text.isEmpty {
                end = try CSVTable.timestamp(text, column: m.end!).instant(in: context.clock)
            }
            if start == nil, let end, let duration { start = end.addingTimeInterval(-duration) }
            guard let start else { throw RowProblem("no start time: column \(m.start ?? m.end ?? "start") is empty") }
            let machine = duration ?? end.map { max(0, $0.timeIntervalSince(start)) }
            let items = try row.number(column(m.items))
            var department: String? = nil
            if let i = column(m.department), case let text = try row.text(i), !text.isEmpty { department = text }
            sink.accept(UsageEvent(
                family: .rpa, occurredAt: start, taskName: name, department: department, outcome: outcome,
                quantity: items ?? 1, unit: m.items == nil ? .runs : .items, machineSeconds: machine,
                source: context.location(row.record.line)))
        }
    }
}
