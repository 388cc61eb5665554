/// What `kouka-audit verify` prints: every difference between the sources, the store and a written report.
public struct VerifySummary: Sendable, Codable, Hashable {
    /// One difference, named so an auditor can find it.
    public struct Difference: Sendable, Codable, Hashable {
        /// `missing-file`, `changed-file`, `rollups`, `store-report`, `written-report` or `report-manifest`.
        public var kind: String
        public var subject: String
        public var detail: String
    }

    public var job = "kouka-audit verify"
    public var filesChecked = 0
    /// Files not re-read: gone from disk (kept figures) or with runs still unfinished.
    public var filesSkipped: [String] = []
    public var reportsChecked: [String] = []
    public var differences: [Difference] = []
    public var exitCode: KoukaExitCode = .done
}
