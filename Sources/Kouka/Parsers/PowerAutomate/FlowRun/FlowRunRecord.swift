import Foundation

/// The fields of one Dataverse `flowrun` row (a cloud flow run) that Kouka uses, from a JSON object or a
/// CSV row alike.
///
/// `duration` is read as seconds, as the run history guide gives it, and never alone where the end is known:
/// the Web API reference calls it milliseconds, and a wrong unit would be a thousandfold error nobody
/// notices. So a run whose `duration` and end less start disagree by more than `FlowRunDuration.tolerance`
/// is rejected with both values; the run's time is its end less its start, or its `duration` without an end.
struct FlowRunRecord {
    /// The run's id (the logic app run id), Dataverse's primary name.
    var name = ""
    var workflowName = ""
    var startTime = ""
    var endTime = ""
    var status = ""
    var parentRunID = ""
    /// The run's length in seconds as the row states it; empty when it does not.
    var duration = ""
    /// Whether the record says who its parent is (an empty `parentrunid` for a top-level run): a JSON answer
    /// whose `$select` left it out cannot tell a child run from its parent.
    var hasParentField = true

    /// A child flow's run: it is part of its parent's run, which is the one counted. The text `null` (a JSON null written
    /// out by an export or a spreadsheet) names no parent: such a run is a top-level one (helper-127: dropped as a child).
    var isChild: Bool { !parentRunID.isEmpty && parentRunID.lowercased() != "null" }

    /// The event this run is, nil for one still running; throws for a row that cannot count. Times without
    /// an offset are read in `reading`'s zone.
    func event(line: Int, context: ParseContext, reading: LocalClock) throws(RowProblem) -> UsageEvent? {
        guard hasParentField else {
            throw RowProblem("parentrunid is absent: add it to the query's $select, else a child flow's run would be counted beside its parent's")
        }
        guard !startTime.isEmpty else { throw RowProblem("starttime is empty") }
        let start = try CSVTable.timestamp(startTime, column: "starttime").instant(in: reading)
        let outcome: Outcome
        switch FlowRunStatus(status) {
        case let .finished(value): outcome = value
        case .waiting:
            guard context.now.timeIntervalSince(start) > context.pendingMaxAge else { return nil }
            outcome = .unfinished
        case .unknown:
            throw RowProblem("status \(status.prefix(20)) is not a cloud flow run status (Succeeded, Failed, Cancelled, Running, …)")
        }
        guard !workflowName.isEmpty else { throw RowProblem("workflowname (the flow) is empty") }
        guard !name.isEmpty else { throw RowProblem("name (the run's id) is empty: without it the same run in two exports would be counted twice") }
        var span: Double? = nil
        if !endTime.isEmpty {
            let end = try CSVTable.timestamp(endTime, column: "endtime").instant(in: reading)
            span = try RunSpan.seconds(from: start, to: end, startColumn: "starttime", endColumn: "endtime")
        }
        let machine = try FlowRunDuration.machineSeconds(stated: duration, span: span)
        return UsageEvent(family: .rpa, occurredAt: start, taskName: workflowName, outcome: outcome, quantity: 1,
                          unit: .runs, machineSeconds: machine, source: context.location(line))
    }

    /// The local day (in `clock`) a rejected run started; nil when its start is not readable.
    func day(reading: LocalClock, clock: LocalClock) -> LocalDate? {
        Self.day(startTime: startTime, reading: reading, clock: clock)
    }

    /// The local day (in `clock`) of a run that started at `startTime` (read in `reading`); nil when it is not a time.
    static func day(startTime: String, reading: LocalClock, clock: LocalClock) -> LocalDate? {
        Timestamp(startTime).map { clock.localDate(of: $0.instant(in: reading)) }
    }
}

extension FlowRunRecord: Decodable {
    private enum Keys: String, CodingKey {
        case name, workflowname, starttime, endtime, status, parentrunid, duration
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        name = try c.flexibleString(.name)
        workflowName = try c.flexibleString(.workflowname)
        startTime = try c.flexibleString(.starttime)
        endTime = try c.flexibleString(.endtime)
        status = try c.flexibleString(.status)
        parentRunID = try c.flexibleString(.parentrunid)
        duration = try c.flexibleString(.duration)
        hasParentField = c.contains(.parentrunid)
    }
}
