/// How a run or use ended. Only successes save time; failures and cancellations are counted and reported.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case success
    case failure
    case cancelled

    public static func < (lhs: Self, rhs: Self) -> Bool {
        declared.firstIndex(of: lhs)! < declared.firstIndex(of: rhs)!
    }

    /// `allCases` builds a new array on every call; sorting rollups compares these a million times.
    static let declared = allCases
}
