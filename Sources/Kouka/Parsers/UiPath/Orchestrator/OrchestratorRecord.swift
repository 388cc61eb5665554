import Foundation

/// The fields of one Orchestrator job (`/odata/Jobs`) or queue item (`/odata/QueueItems`) that Kouka uses,
/// from a JSON object or a CSV row alike. A job has a `State`, a queue item a `Status`.
struct OrchestratorRecord {
    var key = ""
    var releaseName = ""
    var state = ""
    var startTime = ""
    var endTime = ""
    var creationTime = ""
    var status = ""
    var startProcessing = ""
    var endProcessing = ""
    var queueDefinitionID = ""

    private var isJob: Bool { !state.isEmpty }

    /// The event this job or item is, nil for one that has not finished yet; throws for a record that cannot
    /// count. Times without an offset are read in `reading`'s zone.
    func event(line: Int, context: ParseContext, reading: LocalClock) throws(RowProblem) -> UsageEvent? {
        guard state.isEmpty != status.isEmpty else {
            throw RowProblem(state.isEmpty
                ? "neither State (a job) nor Status (a queue item) is given: not an Orchestrator job or queue item"
                : "both State and Status are given: Kouka cannot tell a job from a queue item")
        }
        let fields = isJob
            ? (status: OrchestratorStatus(jobState: state), statusName: "State", text: state, name: releaseName, nameColumn: "ReleaseName",
               start: startTime, startColumn: "StartTime", end: endTime, endColumn: "EndTime", unit: EffectUnit.runs)
            : (status: OrchestratorStatus(queueItemStatus: status), statusName: "Status", text: status, name: queueDefinitionID,
               nameColumn: "QueueDefinitionId", start: startProcessing, startColumn: "StartProcessing", end: endProcessing,
               endColumn: "EndProcessing", unit: EffectUnit.items)
        func instant(_ text: String, _ column: String) throws(RowProblem) -> Date {
            try CSVTable.timestamp(text, column: column).instant(in: reading)
        }
        let outcome: Outcome
        switch fields.status {
        case let .finished(value): outcome = value
        case .waiting:
            // A job still pending or running, unless for longer than the allowed age: then it never finished. One
            // with no time at all could wait for ever unseen: it is rejected instead.
            let since = fields.start.isEmpty ? (creationTime, "CreationTime") : (fields.start, fields.startColumn)
            guard !since.0.isEmpty else {
                throw RowProblem("\(fields.statusName) \(fields.text.prefix(20)) (not finished) but \(fields.startColumn) and CreationTime are empty: Kouka cannot tell how long it has been waiting")
            }
            guard context.now.timeIntervalSince(try instant(since.0, since.1)) > context.pendingMaxAge else { return nil }
            outcome = .unfinished
        case .unknown:
            throw RowProblem(isJob
                ? "State \(state.prefix(20)) is not an Orchestrator job state by name (Successful, Faulted, Stopped, Pending, Running, …)"
                : "Status \(status.prefix(20)) is not an Orchestrator queue item status by name (Successful, Failed, Abandoned, Retried, New, InProgress, Deleted)")
        }
        guard !fields.name.isEmpty else { throw RowProblem("\(fields.nameColumn) (the task) is empty") }
        guard !key.isEmpty else { throw RowProblem("Key is empty: without it the same \(isJob ? "job" : "item") in two exports would be counted twice") }
        // A job stopped or an item deleted before it started has only its creation (or end) time.
        guard let when = [(fields.start, fields.startColumn), (creationTime, "CreationTime"), (fields.end, fields.endColumn)]
            .first(where: { !$0.0.isEmpty })
        else { throw RowProblem("\(fields.startColumn), CreationTime and \(fields.endColumn) are all empty") }
        let occurred = try instant(when.0, when.1)
        var machine: Double? = nil
        if !fields.start.isEmpty, !fields.end.isEmpty {
            machine = try RunSpan.seconds(from: occurred, to: try instant(fields.end, fields.endColumn),
                                          startColumn: fields.startColumn, endColumn: fields.endColumn)
        }
        return UsageEvent(family: .rpa, occurredAt: occurred, taskName: fields.name, outcome: outcome, quantity: 1,
                          unit: fields.unit, machineSeconds: machine, source: context.location(line))
    }

    /// The local day (in `clock`) of a rejected record, as `event` dates it; nil when it has no readable time.
    func day(reading: LocalClock, clock: LocalClock) -> LocalDate? {
        Self.day(times: [startTime, startProcessing, creationTime, endTime, endProcessing], reading: reading, clock: clock)
    }

    /// The local day (in `clock`) of the first of `times` (start, start processing, creation, end, end processing)
    /// that is given, read in `reading`; nil when none is or it is not a time.
    static func day(times: [String], reading: LocalClock, clock: LocalClock) -> LocalDate? {
        Timestamp(times.first { !$0.isEmpty } ?? "").map { clock.localDate(of: $0.instant(in: reading)) }
    }
}

extension OrchestratorRecord: Decodable {
    private enum Keys: String, CodingKey {
        case Key, ReleaseName, State, StartTime, EndTime, CreationTime, Status, StartProcessing, EndProcessing, QueueDefinitionId
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        key = try c.flexibleString(.Key)
        releaseName = try c.flexibleString(.ReleaseName)
        state = try c.flexibleString(.State)
        startTime = try c.flexibleString(.StartTime)
        endTime = try c.flexibleString(.EndTime)
        creationTime = try c.flexibleString(.CreationTime)
        status = try c.flexibleString(.Status)
        startProcessing = try c.flexibleString(.StartProcessing)
        endProcessing = try c.flexibleString(.EndProcessing)
        queueDefinitionID = try c.flexibleString(.QueueDefinitionId)
    }
}
