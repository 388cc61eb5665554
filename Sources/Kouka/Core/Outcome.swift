/// How a run or use ended. Only successes save time; failures and cancellations are counted and reported.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The run or use ended as it should: it saves time.
    case success
    /// The run or use reported an error: it saves nothing and costs the catalog row's rework minutes.
    case failure
    /// A person or a scheduler stopped the run: it neither saves nor costs.
    case cancelled
    /// A run that never reported its end: still running (WAITING, PROCESSING, Running…) longer than the
    /// configured `pending_max_hours`, or a closed robot log without its end line. It is counted as a
    /// failure (it saved nothing and costs the row's rework minutes) and kept apart from reported failures,
    /// so that every report can say how many failures were inferred this way rather than read.
    case unfinished

    /// Counted as a failure by the effect model: a reported failure or a run that never finished.
    public var isFailure: Bool { self == .failure || self == .unfinished }

    /// Orders outcomes as they are declared, the order reports list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        declared.firstIndex(of: lhs)! < declared.firstIndex(of: rhs)!
    }

    /// `allCases` builds a new array on every call; sorting rollups compares these a million times.
    static let declared = allCases
}
