/// What `kouka-audit verify` prints: every difference between the logs, the store and the written reports.
public struct VerifySummary: Sendable, Codable, Hashable {
    /// One difference, named so an auditor can act on it: what differs, where, the value found and the value
    /// expected, and which of the three (logs, store, report) each comes from.
    public struct Difference: Sendable, Codable, Hashable {
        /// `changed-file`, `missing-file`, `ledger`, `rollups`, `rollups-digest`, `unverifiable`, `store-report`,
        /// `written-report`, `written-report-outdated`, `written-report-unreadable` or `report-manifest`.
        public var kind: String
        /// The file, or the fiscal year (`FY2024`), the difference is in.
        public var subject: String
        /// Where in it: a ledger column, a rollup key, a report field (`tasks[T01|税務課|rpa|runs].hoursSaved`).
        public var field: String
        /// The value found, and where it was found (`store` or `report`).
        public var found: String
        public var foundIn: String
        /// The value expected, and what it was computed from (`logs` or `store`).
        public var expected: String
        public var expectedFrom: String
        /// What it means and what to do.
        public var detail: String

        public init(kind: String, subject: String, field: String = "", found: String = "", foundIn: String = "store", expected: String = "",
                    expectedFrom: String = "logs", detail: String) {
            self.kind = kind
            self.subject = subject
            self.field = field
            self.found = found
            self.foundIn = foundIn
            self.expected = expected
            self.expectedFrom = expectedFrom
            self.detail = detail
        }
    }

    public var job = "kouka-audit verify"
    /// When the logs were read again as of: the start of the last finished nightly run.
    public var asOf = ""
    public var filesChecked = 0
    /// Files whose figures were taken as the store has them, and why: gone from disk (checked by their
    /// rollups' digest), grown since the last nightly run (their new lines are not counted by anyone yet).
    public var filesSkipped: [String] = []
    public var reportsChecked: [String] = []
    public var differences: [Difference] = []
    public var exitCode: KoukaExitCode = .done

    public init() {}
}
