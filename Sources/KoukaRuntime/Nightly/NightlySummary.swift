import KoukaCore

/// The one JSON document `kouka-nightly` prints on stdout: what the run did and what to look at.
public struct NightlySummary: Sendable, Codable, Hashable {
    /// A name the logs use that the catalog does not map, with how often this run saw it.
    public struct UnmappedName: Sendable, Codable, Hashable {
        public var system: String
        public var name: String
        public var runs: Int

        public init(system: String, name: String, runs: Int) {
            self.system = system
            self.name = name
            self.runs = runs
        }
    }

    /// A file that was not counted, and why.
    public struct FileProblem: Sendable, Codable, Hashable {
        public var path: String
        public var reason: String
    }

    /// A file found under a new name (log rotation); its ledger line moved with it.
    public struct RenamedFile: Sendable, Codable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// In a dry run: what would be done with a file.
    public struct PlannedFile: Sendable, Codable, Hashable {
        public var path: String
        public var format: String
        /// `full`, `append` or `unchanged`.
        public var plan: String
    }

    public var job = "kouka-nightly"
    public var configuration: String
    public var database: String
    public var dryRun = false
    public var filesSeen = 0
    public var filesRead = 0
    public var filesAppended = 0
    public var filesUnchanged = 0
    public var filesRenamed: [RenamedFile] = []
    /// Files read whole because they may not be the file read before at their path, or not as it was
    /// (another inode or birth time, smaller, changed without growing): what they held was replaced by what
    /// they hold, whatever their first and last bytes say.
    public var filesInDoubt: [FileProblem] = []
    /// Files read again whole that account for fewer runs on some day than they counted before (an export
    /// overwritten by one that holds less): their figures followed the file, and the run says so (exit 1).
    public var filesLosingRuns: [FileProblem] = []
    /// Files read whole because their chatbot answers were marked off-hours by other office hours than
    /// `[office_hours]` gives now (or by hours not recorded): each with the hours it was read with.
    public var filesReadForOfficeHours: [FileProblem] = []
    /// Sources whose path matched no file this run (not `required`): the other sources were read, and their
    /// files in the ledger are marked gone.
    public var sourcesMissing: [FileProblem] = []
    /// Files in the ledger that no longer exist; their rollups keep counting.
    public var filesGone: [String] = []
    public var filesRejected: [FileProblem] = []
    /// Files whose bytes are those of another file already counted (the same export under two names).
    public var filesDuplicate: [FileProblem] = []
    public var filesUnreadable: [FileProblem] = []
    public var rowsRead = 0
    public var rowsAccepted = 0
    public var rowsRejected = 0
    /// Of `rowsRejected`, the rows that were runs already counted (the same run exported twice, overlapping
    /// exports): left out so that each counts once.
    public var rowsRepeated = 0
    /// Rows of a mapped format without a run id that are identical (task, start, status) to rows of another
    /// file: counted in both, since nothing shows they are one run, and flagged.
    public var rowsIdentical = 0
    /// The files those rows are in, with the files they repeat and what to do.
    public var identicalRows: [FileProblem] = []
    public var pendingRuns = 0
    /// Runs this run found that never reported their end (still running past `pending_max_hours`, or a closed
    /// robot log without the run's end line): counted as failures, never silently.
    public var runsUnfinished = 0
    /// The files those runs are in, with how many each and what to check.
    public var unfinishedRuns: [FileProblem] = []
    /// The first rejected rows of this run (file, line, reason); `rowsRejected` has the total.
    public var rejections: [Rejection] = []
    /// Rejected rows of this run by reason, most frequent first (the quarantine in brief).
    public var rejectionReasons: [String: Int] = [:]
    /// Names this run saw that the catalog does not map, most frequent first.
    public var unmapped: [UnmappedName] = []
    /// In a dry run, the plan for each file.
    public var planned: [PlannedFile] = []
    /// Stopped early by SIGTERM or SIGINT; the files not reached are read next run.
    public var interrupted = false
    /// What earlier runs that did not finish wrote to the store and no finished run has stated yet.
    public var unreported = UnreportedNotices()
    public var exitCode: KoukaExitCode = .done

    /// Whether there is anything for a person to look at.
    var hasFindings: Bool {
        rowsRejected > 0 || !filesRejected.isEmpty || !filesUnreadable.isEmpty || !unmapped.isEmpty || interrupted || !filesDuplicate.isEmpty
            || runsUnfinished > 0 || !unreported.isEmpty || rowsIdentical > 0 || !filesLosingRuns.isEmpty || !sourcesMissing.isEmpty
    }

    var hasRejects: Bool { rowsRejected > 0 || !filesRejected.isEmpty || unreported.hasRejects }
}
