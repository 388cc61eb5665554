/// UiPath work counted both from the robots' `Execution.log` and from an Orchestrator export. A robot connected to
/// Orchestrator writes its log, and Orchestrator lists the same work: a job's `Key` is the log's `jobId`, and a queue item's
/// `Key` the `transactionID` of the log's transaction that handled it. Read from both, the work counted twice in every
/// figure (helper-99 #1: one 50-minute job reported as 1.67 h; three queue items as six). Kouka counts UiPath work from
/// one source only, so no report is made from such a store (65), and every nightly run names what it found (exit 1).
///
/// Jobs are found by their ids, which both formats keep (as written: a `Key` in capitals is another id, see `RunKeyHash`).
/// A log keeps no queue item's id, so items are found by their task and day: a task of the catalog whose items both a
/// robot's transactions and an Orchestrator export count on one day, or on days next to each other — a log dates a job's
/// items by the job's start, the export each item by its own, so a job begun at 23:58 has its items on the next day there
/// (helper-102 #1). A queue's items are all in Orchestrator, whichever robot handled them, so such days hold the same
/// items twice.
package struct UiPathWorkCountedTwice: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each Orchestrator export and robot log that count the same jobs, with how many.
    package var pairs: [Pair] = []
    /// The catalog tasks whose items both formats count on a day (or the day next to it), with the export's first such day
    /// and how many days.
    package var itemTasks: [ItemTask] = []

    package struct Pair: Sendable, Equatable {
        package var export: String
        package var log: String
        package var jobs: Int
    }

    package struct ItemTask: Sendable, Equatable {
        package var task: String
        package var firstDay: LocalDate
        package var days: Int
    }

    static let logFormat = "uipath-execution-log"
    static let exportFormat = "uipath-orchestrator"

    /// What `store` counts twice, nil when nothing. `holds` says whether the store may count files of a format at all
    /// (from a ledger in hand, and the configured sources of a run that may add some), so that a city reading only one of
    /// the two formats pays nothing.
    static func find(in store: KoukaStore, catalog: TaskCatalog, holds: (String) -> Bool) throws -> UiPathWorkCountedTwice? {
        guard holds(exportFormat), holds(logFormat) else { return nil }
        var found = UiPathWorkCountedTwice()
        found.pairs = try store.runsCountedInBoth(exportFormat, and: logFormat).map { Pair(export: $0.path, log: $0.otherPath, jobs: $0.runs) }
        func taskDays(_ format: String) throws -> Set<TaskDay> {
            var days = Set<TaskDay>()
            for (day, name) in try store.rpaItemDays(ofFormat: format) {
                if let entry = catalog.entry(for: name, system: .rpa, on: day) { days.insert(TaskDay(task: entry.taskID, day: day)) }
            }
            return days
        }
        let logDays = try taskDays(logFormat)
        let both = try taskDays(exportFormat).filter { item in
            (-1...1).contains { logDays.contains(TaskDay(task: item.task, day: item.day.adding(days: $0))) }
        }
        for (task, days) in Dictionary(grouping: both, by: \.task).sorted(by: { $0.key < $1.key }) {
            found.itemTasks.append(ItemTask(task: task, firstDay: days.map(\.day).min()!, days: days.count))
        }
        return found.pairs.isEmpty && found.itemTasks.isEmpty ? nil : found
    }

    /// `find(in:catalog:holds:)` with the store's `ledger`.
    static func find(in store: KoukaStore, catalog: TaskCatalog, ledger: [SourceFileRecord]) throws -> UiPathWorkCountedTwice? {
        let formats = Set(ledger.lazy.filter { $0.status == .present || $0.status == .gone }.map(\.format))
        return try find(in: store, catalog: catalog, holds: formats.contains)
    }

    private struct TaskDay: Hashable {
        let task: String
        let day: LocalDate
    }

    /// One line per pair of files and per task, for the nightly run's summary: what, and what to do.
    var problems: [NightlySummary.FileProblem] {
        pairs.map { .init(path: $0.export, reason: "counts \($0.jobs) UiPath job(s) that the robot's log \($0.log) counts too (the export's Key is the log's jobId): \(Self.remedy)") }
            + itemTasks.map { .init(path: "task \($0.task)", reason: "its queue items are counted both from an Orchestrator export and from the robots' logs' transactions on \($0.days) day(s), the first \($0.firstDay): \(Self.remedy)") }
    }

    static let remedy = "such work counts twice in every figure, so no report is made from the store; read each robot's jobs and each queue's items from one source, the robots' Execution.log or Orchestrator's export: take the other out of kouka.toml (or out of the task's match in the catalog), and build the store again from the logs (move kouka.sqlite aside and run kouka-nightly --new-store)"

    package var description: String {
        var what: [String] = []
        if let first = pairs.first {
            what.append("\(pairs.reduce(0) { $0 + $1.jobs }) UiPath job(s) are counted both from a robot's log and from an Orchestrator export (\(first.export) and \(first.log)\(pairs.count > 1 ? ", and \(pairs.count - 1) more pair(s)" : ""))")
        }
        if let first = itemTasks.first {
            what.append("the queue items of task \(first.task)\(itemTasks.count > 1 ? " and \(itemTasks.count - 1) more task(s)" : "") are counted both from an Orchestrator export and from the robots' logs (\(first.days) day(s), the first \(first.firstDay))")
        }
        return what.joined(separator: "; ") + ": \(Self.remedy)"
    }
}
