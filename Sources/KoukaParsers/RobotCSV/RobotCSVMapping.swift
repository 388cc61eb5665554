import KoukaCore

/// Which columns of a robot's CSV export mean what, for robots with no format of their own (BizRobo!,
/// Blue Prism, Automation Anywhere, in-house scripts). Set in the configuration's `[source.columns]`.
public struct RobotCSVMapping: Sendable, Hashable {
    /// The process or scenario name the catalog maps (required).
    public var task: String
    /// When the run started (required unless `end` and `duration` are both given).
    public var start: String?
    public var end: String?
    /// The run's length in seconds.
    public var duration: String?
    /// The status column; without one every row is a success.
    public var status: String?
    /// Status values (compared case-insensitively) for each outcome. A value in none of them is rejected.
    public var successValues: [String]
    public var failureValues: [String]
    public var cancelledValues: [String]
    /// Values that mean the run has not finished yet; such rows are read again next run.
    public var unfinishedValues: [String]
    /// Items handled by the run; when given, the unit is items, otherwise runs.
    public var items: String?
    public var department: String?

    public init(
        task: String, start: String? = nil, end: String? = nil, duration: String? = nil, status: String? = nil,
        successValues: [String] = [], failureValues: [String] = [], cancelledValues: [String] = [],
        unfinishedValues: [String] = [], items: String? = nil, department: String? = nil
    ) {
        self.task = task
        self.start = start
        self.end = end
        self.duration = duration
        self.status = status
        self.successValues = successValues
        self.failureValues = failureValues
        self.cancelledValues = cancelledValues
        self.unfinishedValues = unfinishedValues
        self.items = items
        self.department = department
    }

    /// The columns the header must have.
    var requiredColumns: [String] {
        [task, start, status].compactMap { $0 } + (start == nil ? [end, duration].compactMap { $0 } : [])
    }

    /// A mapping that can locate a run in time: a start, or an end and a duration.
    public var isComplete: Bool { start != nil || (end != nil && duration != nil) }

    /// The outcome a status value means; nil for `.unfinished` values, throws for unknown ones.
    func outcome(of value: String) throws(RowProblem) -> Outcome? {
        let v = value.lowercased()
        if successValues.contains(where: { $0.lowercased() == v }) { return .success }
        if failureValues.contains(where: { $0.lowercased() == v }) { return .failure }
        if cancelledValues.contains(where: { $0.lowercased() == v }) { return .cancelled }
        if unfinishedValues.contains(where: { $0.lowercased() == v }) { return nil }
        throw RowProblem("status \(value.prefix(20)) is in none of the configured success, failure, cancelled or unfinished values")
    }
}
