/// How a run or use ended. Only successes save time; failures and cancellations are counted and reported.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case success
    case failure
    case cancelled

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
