import KoukaReports

/// What `kouka-audit` prints: target against actual for each metric of each fiscal year.
public struct TargetAuditSummary: Sendable, Codable, Hashable {
    /// One fiscal year's lines.
    public struct Year: Sendable, Codable, Hashable {
        public var fiscalYear: Int
        public var label: String
        public var targets: [TargetLine]
        /// The year's new systems from the register; `measured` false when no register is configured.
        public var newSystems: NewSystemsLine? = nil
    }

    public var job = "kouka-audit"
    public var fiscalYear: Int
    public var years: [Year]
    /// Whether every target of the asked fiscal year is met.
    public var allMet: Bool
    public var exitCode: KoukaExitCode
}
