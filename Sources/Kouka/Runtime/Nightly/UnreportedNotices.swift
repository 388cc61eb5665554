
/// What the store holds that no finished run has stated: runs of the nightly job that did not finish
/// (killed, crashed, stopped by an error) after writing some files, and what those files left to look at.
/// Such a run's summary was never printed, and the next run skips its files as unchanged: without this
/// their rejected rows and unmapped names would never be told. The next run to finish states them here,
/// and exits 1.
package struct UnreportedNotices: Sendable, Codable, Hashable {
    /// A run that started and did not finish.
    package struct Run: Sendable, Codable, Hashable {
        package var startedAt: String
        /// `killed` (found still running by a later run: no end, no exit code) or `failed` (stopped by an error).
        package var state: String
        /// The exit code of a run that failed; nil for one that was killed.
        package var exitCode: Int32?
    }

    /// The runs that did not finish, oldest first.
    package var runs: [Run] = []
    /// Rows these runs rejected that are still in the quarantine, repeated runs among them.
    package var rowsRejected = 0
    /// Of `rowsRejected`, the rows that were runs already counted.
    package var rowsRepeated = 0
    /// The first of those rows (file, line, reason).
    package var rejections: [Rejection] = []
    /// Files these runs rejected whole.
    package var filesRejected: [NightlySummary.FileProblem] = []
    /// Files these runs found to be copies of a counted file.
    package var filesDuplicate: [NightlySummary.FileProblem] = []
    /// Files these runs recorded holding fewer runs than they counted (`KoukaStore.noteLoss`): the run stopped before it
    /// could tell whether another file holds them, and never said so.
    package var filesLosingRuns: [NightlySummary.FileProblem] = []
    /// Files these runs recorded giving other figures for days they counted (`NightlySummary.filesRestatingDays`).
    package var filesRestatingDays: [NightlySummary.FileProblem] = []
    /// Robots' logs of days that were over these runs found changed (`NightlySummary.robotLogsRewritten`).
    package var robotLogsRewritten: [NightlySummary.FileProblem] = []
    /// Robots' logs these runs read holding runs started from Studio, not counted (`NightlySummary.runsFromStudio`).
    package var runsFromStudio: [NightlySummary.FileProblem] = []
    /// Names the catalog does not map in the files these runs read last, with their runs in those files
    /// (for a file appended to, the whole file's).
    package var unmapped: [NightlySummary.UnmappedName] = []
    /// The files these runs read whose successful runs are in another unit than their catalog row's
    /// (`NightlySummary.runsInAnotherUnit`), for a file appended to, the whole file's.
    package var runsInAnotherUnit: [NightlySummary.FileProblem] = []

    /// Whether there is nothing to state.
    package var isEmpty: Bool { runs.isEmpty }

    var hasRejects: Bool { rowsRejected > 0 || !filesRejected.isEmpty }

    package init() {}

    /// Collects what runs of `job` that did not finish left unstated; with their ledger ids, so that the
    /// run that states them can mark them stated when it ends.
    /// `unclassified`: each format's names of uses it could put under no task (`NightlySummary.UnmappedName.isListed`).
    static func collect(job: String, store: KoukaStore, catalog: TaskCatalog, unclassified: [String: Set<String>] = [:]) throws
        -> (notices: UnreportedNotices, runIDs: [Int64]) {
        var notices = UnreportedNotices()
        let runs = try store.unreportedJobRuns(job: job)
        guard !runs.isEmpty else { return (notices, []) }
        let ids = runs.map(\.id)
        notices.runs = runs.map { Run(startedAt: $0.startedAt, state: $0.state.rawValue, exitCode: $0.exitCode) }
        let sources = try store.sources(writtenBy: ids)
        let rejectedWhole = Set(sources.filter { $0.status == .rejected }.map(\.path))
        for source in sources {
            switch source.status {
            case .rejected: notices.filesRejected.append(.init(path: source.path, reason: source.rejectReason ?? "rejected"))
            case .duplicate:
                // As the run would have said: a copy of a file that holds no record is not named (`holdsNoRecord`).
                guard try !store.sources(withSHA256: source.sha256, otherThan: source.path).contains(where: \.holdsNoRecord) else { continue }
                notices.filesDuplicate.append(.init(path: source.path, reason: source.rejectReason ?? "a copy of a counted file"))
            default: break
            }
        }
        // Each under the list the run would have named it in: a file that gained runs was named as losing them (helper-145 #3).
        for notice in try store.lossNotices(writtenBy: ids) {
            switch notice.kind {
            case .losingRuns:
                notices.filesLosingRuns.append(.init(path: notice.path, reason: "a run that did not finish recorded it so, and stopped before it could tell whether another file holds what it lost: \(notice.reason)"))
            case .restatingDays:
                notices.filesRestatingDays.append(.init(path: notice.path, reason: "a run that did not finish recorded it so, and stopped before its summary said so: \(notice.reason)"))
            case .robotLogRewritten:
                notices.robotLogsRewritten.append(.init(path: notice.path, reason: "a run that did not finish found it so, and stopped before its summary said so: \(notice.reason)"))
            case .runsFromStudio:
                notices.runsFromStudio.append(.init(path: notice.path, reason: "a run that did not finish read it, and stopped before its summary said so: \(notice.reason)"))
            }
        }
        let rows = try store.rejections(writtenBy: ids).filter { !rejectedWhole.contains($0.file) }
        notices.rowsRejected = rows.count
        notices.rowsRepeated = rows.count(where: \.isRepeatedRun)
        notices.rejections = Array(rows.prefix(Self.listedRejections))
        // As the run that read these files would have said: each name is matched against the catalog once.
        var unmapped: [String: NightlySummary.UnmappedName] = [:]
        var catalogRows = CatalogRows(catalog)
        for source in sources where source.status == .present || source.status == .gone {
            let names = unclassified[source.format] ?? []
            let rollups = try store.rollups(ofSource: source.id)
            for rollup in rollups where NightlySummary.UnmappedName.isListed(rollup.key, catalogRows: &catalogRows, unclassified: names) {
                let key = rollup.key
                unmapped["\(key.family.rawValue)\u{0}\(key.taskName)", default: .init(system: key.family.rawValue, name: key.taskName, runs: 0)].runs += rollup.totals.events
            }
            if let reason = try SourceIngestor.runsInAnotherUnit(rollups.map { ($0.key, $0.totals) }, format: source.format, catalogRows: &catalogRows,
                                                                 givesItems: { try store.givesItems(family: $0.family.rawValue, taskName: $0.taskName) }) {
                notices.runsInAnotherUnit.append(.init(path: source.path, reason: reason))
            }
        }
        notices.unmapped = unmapped.values.sorted { ($1.runs, $0.system, $0.name) < ($0.runs, $1.system, $1.name) }
        return (notices, ids)
    }

    /// As many rejected rows as a summary lists of its own.
    static let listedRejections = 50
}
