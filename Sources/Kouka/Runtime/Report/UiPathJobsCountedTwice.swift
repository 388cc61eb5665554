/// UiPath jobs counted both from a robot's `Execution.log` and from an Orchestrator export: a robot connected to
/// Orchestrator writes its log and Orchestrator lists the same job, its `Key` the log's `jobId`, and read from both the
/// job counted twice in every figure (helper-99 #1: one 50-minute job reported as 1.67 h). Kouka counts a UiPath job
/// from one source only, so no report is made from such a store (65), and the nightly run names the pairs of files (exit 1).
package struct UiPathJobsCountedTwice: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each Orchestrator export and robot log that count the same jobs, with how many.
    package var pairs: [Pair]

    package struct Pair: Sendable, Equatable {
        package var export: String
        package var log: String
        package var jobs: Int
    }

    static let logFormat = "uipath-execution-log"
    static let exportFormat = "uipath-orchestrator"

    /// The pairs in `store`, nil when there are none. `holds` says whether the store may count files of a format at all
    /// (from a ledger in hand, and the configured sources of a run that may add some), so that a city reading only one of
    /// the two formats pays nothing.
    static func find(in store: KoukaStore, holds: (String) -> Bool) throws -> UiPathJobsCountedTwice? {
        guard holds(exportFormat), holds(logFormat) else { return nil }
        let pairs = try store.runsCountedInBoth(exportFormat, and: logFormat).map { Pair(export: $0.path, log: $0.otherPath, jobs: $0.runs) }
        return pairs.isEmpty ? nil : UiPathJobsCountedTwice(pairs: pairs)
    }

    /// `find(in:holds:)` with the store's `ledger`.
    static func find(in store: KoukaStore, ledger: [SourceFileRecord]) throws -> UiPathJobsCountedTwice? {
        let formats = Set(ledger.lazy.filter { $0.status == .present || $0.status == .gone }.map(\.format))
        return try find(in: store, holds: formats.contains)
    }

    /// One line per pair, for the nightly run's summary: the file, and the other file and what to do.
    var problems: [NightlySummary.FileProblem] {
        pairs.map { .init(path: $0.export, reason: "counts \($0.jobs) UiPath job(s) that the robot's log \($0.log) counts too (the export's Key is the log's jobId): \(Self.remedy)") }
    }

    static let remedy = "each such job counts twice in every figure, so no report is made from the store; read each robot's jobs from one source, its Execution.log or Orchestrator's export: take the other out of kouka.toml, and build the store again from the logs (move kouka.sqlite aside and run kouka-nightly)"

    package var description: String {
        let jobs = pairs.reduce(0) { $0 + $1.jobs }
        let first = pairs[0]
        return "\(jobs) UiPath job(s) are counted both from a robot's log and from an Orchestrator export (\(first.export) and \(first.log)\(pairs.count > 1 ? ", and \(pairs.count - 1) more pair(s)" : "")): \(Self.remedy)"
    }
}
