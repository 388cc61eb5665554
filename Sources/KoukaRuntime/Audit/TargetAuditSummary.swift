import KoukaReports

/// What `kouka-audit` prints: target against actual for each metric of each fiscal year.
public struct TargetAuditSummary: Sendable, Codable, Hashable {
    /// One fiscal year's lines.
    public struct Year: Sendable, Codable, Hashable {
        public var fiscalYear: Int
        public var label: String
        public var targets: [TargetLine]
    }

    public var job = "kouka-audit"
    public var fiscalYear: Int
    public var years: [Year]
    /// Whether every target of the asked fiscal year is met.
    public var allMet: Bool
    public var exitCode: KoukaExitCode
}
