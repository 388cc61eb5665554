
/// What `kouka-audit rejects` prints: what was left out of one fiscal year's figures, row by row and file by
/// file. Every row is in the year of its own date; rows and files whose date is unknown are in every year.
package struct RejectsSummary: Sendable, Codable, Hashable {
    /// One quarantined row. Never its text: logs can carry what citizens wrote.
    package struct Row: Sendable, Codable, Hashable {
        package var file: String
        package var line: Int
        package var reason: String
        /// The local day the row's run started (`yyyy-MM-dd`); absent when the row's date could not be read.
        package var day: String?
        /// The fiscal year of `day`.
        package var fiscalYear: Int?
        /// The row is a run already counted from another row or file, left out so that it counts once.
        package var repeatedRun: Bool
    }

    /// A file nothing of which was counted: not its configured format (`rejected`), or not readable.
    package struct File: Sendable, Codable, Hashable {
        package var file: String
        /// `rejected` or `unreadable`, as the ledger says.
        package var status: String
        /// Why, as the ledger records it.
        package var reason: String?
    }

    package var job = "kouka-audit rejects"
    package var fiscalYear: Int
    package var label: String
    /// The rows dated in the fiscal year, by file and line.
    package var rows: [Row]
    /// The rows whose date could not be read: counted in no year, so listed for every year.
    package var rowsDateUnknown: [Row]
    /// The files rejected whole or unreadable: no date of theirs is known, so listed for every year.
    package var files: [File]
    package var exitCode: KoukaExitCode
}
