/// What `kouka-audit verify` prints: every difference between the logs, the store and the written reports.
package struct VerifySummary: Sendable, Codable, Hashable {
    /// One difference, named so an auditor can act on it: what differs, where, the value found and the value
    /// expected, and which of the three (logs, store, report) each comes from.
    package struct Difference: Sendable, Codable, Hashable {
        /// `changed-file`, `missing-file`, `ledger`, `rollups`, `rollups-digest`, `run-keys`, `run-keys-digest`, `unverifiable`, `store-report`,
        /// `written-report`, `written-report-outdated`, `written-report-unreadable`, `report-manifest` or `store-edited`.
        package var kind: String
        /// The file, or the fiscal year (`FY2024`), the difference is in.
        package var subject: String
        /// Where in it: a ledger column, a rollup key, a report field (`tasks[T01|税務課|rpa|runs].hoursSaved`).
        package var field: String
        /// The value found, and where it was found (`store` or `report`).
        package var found: String
        package var foundIn: String
        /// The value expected, and what it was computed from (`logs` or `store`).
        package var expected: String
        package var expectedFrom: String
        /// What it means and what to do.
        package var detail: String

        package init(kind: String, subject: String, field: String = "", found: String = "", foundIn: String = "store", expected: String = "",
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

    package var job = "kouka-audit verify"
    /// When the logs were read again as of: the start of the last finished nightly run.
    package var asOf = ""
    package var filesChecked = 0
    /// Files whose figures were taken as the store has them, and why: gone from disk (checked by their
    /// rollups' digest), grown since the last nightly run (their new lines are not counted by anyone yet).
    package var filesSkipped: [String] = []
    /// Changes made to the store outside Kouka that a nightly run was told to go on with (`--accept-store-edits`): when.
    package var storeEditsAccepted: [String] = []
    package var reportsChecked: [String] = []
    /// Written reports made before some of their files, the catalog or a setting changed, whose every figure is still what the
    /// store gives: no difference, but their list of files or their catalog digest is no longer the store's. Re-running
    /// `kouka-report` brings them up to date; the signed set still states the right figures.
    package var reportsStillHolding: [String] = []
    /// Written report sets made by another Kouka version, which may render their Markdown, HTML, CSV files and workbook
    /// otherwise: those files are checked by `SHA256SUMS` only (their JSON still figure by figure). Re-running
    /// `kouka-report` has them checked whole.
    package var reportsRenderedByAnotherVersion: [String] = []
    package var differences: [Difference] = []
    package var exitCode: KoukaExitCode = .done

    package init() {}
}
