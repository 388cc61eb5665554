
/// The one JSON document `kouka-nightly` prints on stdout: what the run did and what to look at.
package struct NightlySummary: Sendable, Codable, Hashable {
    /// A name the logs use that the catalog does not map, with how often this run saw it.
    package struct UnmappedName: Sendable, Codable, Hashable {
        package var system: String
        package var name: String
        package var runs: Int

        package init(system: String, name: String, runs: Int) {
            self.system = system
            self.name = name
            self.runs = runs
        }
    }

    /// A file that was not counted, and why.
    package struct FileProblem: Sendable, Codable, Hashable {
        package var path: String
        package var reason: String
    }

    /// A file found under a new name (log rotation); its ledger line moved with it.
    package struct RenamedFile: Sendable, Codable, Hashable {
        package var from: String
        package var to: String

        package init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// In a dry run: what would be done with a file.
    package struct PlannedFile: Sendable, Codable, Hashable {
        package var path: String
        package var format: String
        /// `full`, `append` or `unchanged`.
        package var plan: String
    }

    package var job = "kouka-nightly"
    package var configuration: String
    package var database: String
    package var dryRun = false
    package var filesSeen = 0
    package var filesRead = 0
    package var filesAppended = 0
    package var filesUnchanged = 0
    package var filesRenamed: [RenamedFile] = []
    /// Files read whole because they may not be the file read before at their path, or not as it was
    /// (another inode or birth time, smaller, changed without growing): what they held was replaced by what
    /// they hold, whatever their first and last bytes say.
    package var filesInDoubt: [FileProblem] = []
    /// Files read this run whose records are dated by the file's modification time, their name holding no date (transcripts,
    /// DeepL snapshots): a file copied onto the share days after it was made is dated on the day of the copy, which may be in
    /// another fiscal year. Named, not a finding: the exit code stays.
    package var filesDatedByModificationTime: [FileProblem] = []
    /// Files read again whole, with the settings and rules they were read with before, that give other figures for days they
    /// counted (a run's items, its outcome, its task): their past was rewritten, in place or by a new export. Exit 1: the
    /// reports of those days state what the file held before.
    package var filesRestatingDays: [FileProblem] = []
    /// The task catalog's rows that change days already past since the last run (a row's minutes, unit, match or department
    /// changed in place, a row removed, or a row added from a day already past): the figures of those days, and the reports
    /// already made of them, change. The store keeps each version of the catalog (`CatalogHistory`). Exit 1.
    package var catalogRowsChanged: [String] = []
    /// Files read again whole that account for fewer runs on some day than they counted before (an export
    /// overwritten by one that holds less): their figures followed the file, and the run says so (exit 1).
    package var filesLosingRuns: [FileProblem] = []
    /// Files not among the sources (deleted) that count runs they left out as counted in a file read again this run, which
    /// no longer counts them, nor does any other file: counted as the deleted file would have (kept with it when it was
    /// read), where before they counted nowhere. Each with how many and from which file.
    package var runsTakenBack: [FileProblem] = []
    /// Files not among the sources (deleted) that counted runs before their end (unfinished, or a chatbot's last question
    /// in its export) that a file recorded this run holds further on (ended, answered, or followed by what came next): that
    /// file counts them, and the deleted file's count of them was taken off (kept with it when it was read), where before
    /// its outcome stood.
    package var runsGivenUp: [FileProblem] = []
    /// Files read whole because their chatbot answers were marked off-hours by other office hours than
    /// `[office_hours]` gives now (or by hours not recorded): each with the hours it was read with.
    package var filesReadForOfficeHours: [FileProblem] = []
    /// Files read whole because they were read in another time zone than `timezone` gives now (or before Kouka
    /// kept it): each with the zone it was read in.
    package var filesReadForTimeZone: [FileProblem] = []
    /// Files read whole because their source's settings (encoding, `[source.columns]`, `[source.values]`, task,
    /// department, delimiter, the chatbot's lists) are not those they were read with: what they count follows them now.
    package var filesReadForSourceSettings: [FileProblem] = []
    /// Files read again because runs they counted before their end (unfinished, or a chatbot's last question in
    /// an export) ended in a file recorded this run, which counts them now: each with how many and where they ended.
    package var filesReadForEndedRuns: [FileProblem] = []
    /// Files that count before their end runs a file recorded this run holds ended, and that cannot be read again
    /// (gone, or not the bytes they were read as): those runs stay as that file counted them until it is (exit 1).
    package var unfinishedRunsEndedElsewhere: [FileProblem] = []
    /// Files whose runs another file counted because they were to be read again this run, that were not read at
    /// their turn (unreadable then, or untouched again): until they are, a run may count in both (exit 1).
    package var filesUnsettled: [FileProblem] = []
    /// Counted files whose ledger line lost its rollup digest behind Kouka's back (the store keeps one for every
    /// counted file): their rollups may have been changed with it, and no digest is recorded for them (exit 1).
    package var rollupDigestsRemoved: [FileProblem] = []
    /// Files to be read on from where they stopped whose rollups in the store are not those their ledger line's digest
    /// was recorded for: changed outside Kouka. Read whole instead, so the store holds what the file gives again (exit 1).
    package var filesEditedInStore: [FileProblem] = []
    /// A robot's logs of a day that was over, read again because their bytes changed other than by lines added: robots
    /// do not do that, so someone did (exit 1). Their figures follow what they hold now.
    package var robotLogsRewritten: [FileProblem] = []
    /// The start of the last nightly run, when the store's ledger or quarantine was changed outside Kouka since it ended
    /// (its seal, `LedgerSealCheck`) and `--accept-store-edits` was not given (exit 1): `kouka-audit verify` names it.
    package var storeEditedSince: String?
    /// The store's path, the night this run began it (there was no store at the configured path): a city's first night,
    /// or a store missing — its volume not mounted with the report folder on it, a wrong `database` path.
    package var storeBegun: String?
    /// Sources whose path matched no file this run (not `required`): the other sources were read, and their
    /// files in the ledger are marked gone.
    package var sourcesMissing: [FileProblem] = []
    /// Orchestrator exports counting UiPath jobs that a robot's log counts too, and tasks whose queue items both count
    /// (`UiPathWorkCountedTwice`): they count twice, and no report is made from the store until one source is taken out
    /// and the store built again (exit 1).
    package var uiPathWorkCountedTwice: [FileProblem] = []
    /// Files more than one source matches: read once, in the last one's format (exit 1).
    package var filesMatchedTwice: [FileProblem] = []
    /// Files in the ledger that no longer exist; their rollups keep counting.
    package var filesGone: [String] = []
    /// Of `filesGone`, a robot's daily logs last read before their day was over (`GoneWhileWritten`): what the robot
    /// wrote after that reading counts nowhere (exit 1).
    package var filesGoneWhileWritten: [FileProblem] = []
    package var filesRejected: [FileProblem] = []
    /// Files whose bytes are those of another file already counted (the same export under two names).
    package var filesDuplicate: [FileProblem] = []
    package var filesUnreadable: [FileProblem] = []
    /// Rows read, and the rows of a run held from an earlier night (still running then) that this run judged again and
    /// rejected: read then, they are among this night's rows rejected, so they are among its rows read too.
    package var rowsRead = 0
    /// `rowsRead` less `rowsRejected`.
    package var rowsAccepted = 0
    package var rowsRejected = 0
    /// Of `rowsRejected`, the rows that were runs already counted (the same run exported twice, overlapping
    /// exports): left out so that each counts once.
    package var rowsRepeated = 0
    /// Rows of a mapped format without a run id that are identical (task, start, status) to rows of another
    /// file: counted in both, since nothing shows they are one run, and flagged.
    package var rowsIdentical = 0
    /// The files those rows are in, with the files they repeat and what to do.
    package var identicalRows: [FileProblem] = []
    package var pendingRuns = 0
    /// Runs this run found that never reported their end (still running past `pending_max_hours`, or a closed
    /// robot log without the run's end line): counted as failures, never silently.
    package var runsUnfinished = 0
    /// The files those runs are in, with how many each and what to check.
    package var unfinishedRuns: [FileProblem] = []
    /// The first rejected rows of this run (file, line, reason); `rowsRejected` has the total.
    package var rejections: [Rejection] = []
    /// Rejected rows of this run by reason, most frequent first (the quarantine in brief).
    package var rejectionReasons: [String: Int] = [:]
    /// Names this run saw that the catalog does not map, most frequent first.
    package var unmapped: [UnmappedName] = []
    /// The files whose successful runs are in another unit than their catalog row counts (items against runs): they save
    /// nothing, as every report lists under `unitMismatches`; named the night their file is read, as an unmapped name is.
    package var runsInAnotherUnit: [FileProblem] = []
    /// The files whose UiPath runs were started from Studio (`initiatedBy` Studio, StudioX, StudioPro: a developer's test
    /// runs), with how many each: not counted, neither as successes nor as failures; named the night their file is read, as
    /// an unmapped name is (exit 1), so that production runs started from Studio cannot leave the figures unseen.
    package var runsFromStudio: [FileProblem] = []
    /// In a dry run, the plan for each file.
    package var planned: [PlannedFile] = []
    /// Stopped early by SIGTERM or SIGINT; the files not reached are read next run.
    package var interrupted = false
    /// What earlier runs that did not finish wrote to the store and no finished run has stated yet.
    package var unreported = UnreportedNotices()
    package var exitCode: KoukaExitCode = .done

    /// Whether there is anything for a person to look at.
    var hasFindings: Bool {
        rowsRejected > 0 || !filesRejected.isEmpty || !filesUnreadable.isEmpty || !unmapped.isEmpty || interrupted || !filesDuplicate.isEmpty
            || runsUnfinished > 0 || !unreported.isEmpty || rowsIdentical > 0 || !filesLosingRuns.isEmpty || !sourcesMissing.isEmpty
            || !filesUnsettled.isEmpty || !rollupDigestsRemoved.isEmpty || !filesEditedInStore.isEmpty || !robotLogsRewritten.isEmpty || !unfinishedRunsEndedElsewhere.isEmpty || !filesMatchedTwice.isEmpty
            || storeEditedSince != nil || !filesGoneWhileWritten.isEmpty || !filesRestatingDays.isEmpty || !catalogRowsChanged.isEmpty
            || !uiPathWorkCountedTwice.isEmpty || !runsInAnotherUnit.isEmpty || !runsFromStudio.isEmpty
    }

    var hasRejects: Bool { rowsRejected > 0 || !filesRejected.isEmpty || unreported.hasRejects }
}
