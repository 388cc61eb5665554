/// Where an Orchestrator CSV keeps each field: under its OData name (an API answer saved as CSV, as
/// `Export-Csv` or a DataTable writes it) or under the Jobs page's label (Process, Started, Ended).
struct OrchestratorColumns {
    static let key = ["Key"], releaseName = ["ReleaseName", "Process", "ProcessName"], state = ["State"]
    static let startTime = ["StartTime", "Started"], endTime = ["EndTime", "Ended"], creationTime = ["CreationTime", "Created"]
    static let status = ["Status"], startProcessing = ["StartProcessing"], endProcessing = ["EndProcessing"]
    static let queueDefinitionID = ["QueueDefinitionId"]

    let key, releaseName, state, startTime, endTime, creationTime, status, startProcessing, endProcessing, queueDefinitionID: Int?

    init(_ header: CSVHeader) {
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.column($0) }.first }
        key = column(Self.key)
        releaseName = column(Self.releaseName)
        state = column(Self.state)
        startTime = column(Self.startTime)
        endTime = column(Self.endTime)
        creationTime = column(Self.creationTime)
        status = column(Self.status)
        startProcessing = column(Self.startProcessing)
        endProcessing = column(Self.endProcessing)
        queueDefinitionID = column(Self.queueDefinitionID)
    }

    /// What the header lacks to be a jobs or a queue items export, nil when it is one.
    var lack: String? {
        guard key != nil else { return "no Key column: the run's id, which keeps a run in two exports from counting twice" }
        if state != nil { return releaseName != nil ? nil : "a jobs export (State) without ReleaseName or Process" }
        if status != nil { return queueDefinitionID != nil ? nil : "a queue items export (Status) without QueueDefinitionId" }
        return "neither State (jobs) nor Status (queue items)"
    }

    /// The record of `row`.
    func record(_ row: CSVRow) throws(RowProblem) -> OrchestratorRecord {
        func text(_ column: Int?) throws(RowProblem) -> String { if let column { try row.text(column) } else { "" } }
        return OrchestratorRecord(
            key: try text(key), releaseName: try text(releaseName), state: try text(state), startTime: try text(startTime),
            endTime: try text(endTime), creationTime: try text(creationTime), status: try text(status),
            startProcessing: try text(startProcessing), endProcessing: try text(endProcessing), queueDefinitionID: try text(queueDefinitionID))
    }

    /// The day of a row, for dating it when it is rejected: from its time columns alone, so that a row rejected for
    /// another field keeps its date.
    func day(of row: CSVRow, reading: LocalClock, clock: LocalClock) -> LocalDate? {
        OrchestratorRecord.day(times: [startTime, startProcessing, creationTime, endTime, endProcessing].map(row.textForDating), reading: reading, clock: clock)
    }

    /// Every column any field may be under, for the reader to keep.
    static var all: [String] {
        key + releaseName + state + startTime + endTime + creationTime + status + startProcessing + endProcessing + queueDefinitionID
    }
}
