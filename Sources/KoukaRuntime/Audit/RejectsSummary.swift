import KoukaCore

/// What `kouka-audit rejects` prints: what was left out of one fiscal year's figures, row by row and file by
/// file. Every row is in the year of its own date; rows and files whose date is unknown are in every year.
public struct RejectsSummary: Sendable, Codable, Hashable {
    /// One quarantined row. Never its text: logs can carry what citizens wrote.
    public struct Row: Sendable, Codable, Hashable {
        public var file: String
        public var line: Int
        public var reason: String
        /// The local day the row's run started (`yyyy-MM-dd`); absent when the row's date could not be read.
        public var day: String?
        /// The fiscal year of `day`.
        public var fiscalYear: Int?
        /// The row is a run already counted from another row or file, left out so that it counts once.
        public var repeatedRun: Bool
    }

    /// A file nothing of which was counted: not its configured format (`rejected`), or not readable.
    public struct File: Sendable, Codable, Hashable {
        public var file: String
        /// `rejected` or `unreadable`, as the ledger says.
        public var status: String
        /// Why, as the ledger records it.
        public var reason: String?
    }

    public var job = "kouka-audit rejects"
    public var fiscalYear: Int
    public var label: String
    /// The rows dated in the fiscal year, by file and line.
    public var rows: [Row]
    /// The rows whose date could not be read: counted in no year, so listed for every year.
    public var rowsDateUnknown: [Row]
    /// The files rejected whole or unreadable: no date of theirs is known, so listed for every year.
    public var files: [File]
    public var exitCode: KoukaExitCode
}
