/// Where a `flowrun` CSV keeps each field: under its Dataverse logical name or the maker portal's display
/// name.
struct FlowRunColumns {
    static let name = ["name"], workflowName = ["workflowname", "Workflow name"], startTime = ["starttime", "Start time"]
    static let endTime = ["endtime", "End time"], status = ["status"], parentRunID = ["parentrunid", "Parent run id"]
    static let duration = ["duration", "Duration"]

    let name, workflowName, startTime, endTime, status, parentRunID, duration: Int?

    init(_ header: CSVHeader) {
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.column($0) }.first }
        name = column(Self.name)
        workflowName = column(Self.workflowName)
        startTime = column(Self.startTime)
        endTime = column(Self.endTime)
        status = column(Self.status)
        parentRunID = column(Self.parentRunID)
        duration = column(Self.duration)
    }

    /// The fields the header lacks, by their logical names; a file without Parent run id cannot tell a child
    /// run from its parent, and would count both.
    var missing: [String] {
        [("name", name), ("workflowname", workflowName), ("starttime", startTime), ("status", status), ("parentrunid", parentRunID)]
            .filter { $0.1 == nil }.map(\.0)
    }

    func record(_ row: CSVRow) throws(RowProblem) -> FlowRunRecord {
        func text(_ column: Int?) throws(RowProblem) -> String { if let column { try row.text(column) } else { "" } }
        return FlowRunRecord(name: try text(name), workflowName: try text(workflowName), startTime: try text(startTime),
                             endTime: try text(endTime), status: try text(status), parentRunID: try text(parentRunID),
                             duration: try text(duration))
    }

    /// The day a row's run started, for dating it when it is rejected: from its start time alone, so that a row
    /// rejected for another field keeps its date.
    func day(of row: CSVRow, reading: LocalClock, clock: LocalClock) -> LocalDate? {
        FlowRunRecord.day(startTime: row.textForDating(startTime), reading: reading, clock: clock)
    }

    static var all: [String] { name + workflowName + startTime + endTime + status + parentRunID + duration }
}
