
/// What `kouka-audit` prints: target against actual for each metric of each fiscal year.
package struct TargetAuditSummary: Sendable, Codable, Hashable {
    /// One fiscal year's lines.
    package struct Year: Sendable, Codable, Hashable {
        package var fiscalYear: Int
        package var label: String
        package var targets: [TargetLine]
        /// The year's new systems from the register; `measured` false when no register is configured.
        package var newSystems: NewSystemsLine? = nil
        /// The metrics (`rpa-hours`, `ai-tasks`) of which the year's logs hold no record at all: their actual is unknown,
        /// not 0, and a target of theirs is not met (it cannot be checked). Nil when every metric has records.
        package var unrecorded: [String]? = nil
        /// True when the year begins after the store's last complete day: none of its targets can be met yet, nor missed
        /// (helper-179 #2: a year not begun was 未達成 on new systems). Nil for a year begun.
        package var notBegun: Bool? = nil
    }

    package var job = "kouka-audit"
    package var fiscalYear: Int
    package var years: [Year]
    /// Whether every target of the asked fiscal year is met.
    package var allMet: Bool
    package var exitCode: KoukaExitCode
}
