/// The departments' task catalog: which log names belong to which task, and each task's baseline over time.
///
/// A task may have several rows with different `valid_from` dates; an event uses the row in force on its
/// local date. One task (業務) may be supported by several systems (AI-OCR and RPA, say): it then has
/// rows for each, with the same `task_id`, and versions are kept per task and system. Among the rows in force, an exact name beats a glob, and an earlier row beats a later one,
/// so the mapping never depends on dictionary order.
public struct TaskCatalog: Sendable {
    public let entries: [CatalogEntry]
    private let compiled: [(entry: CatalogEntry, patterns: [NamePattern])]
    private let rowsByTask: [String: [Int]]

    public init(entries: [CatalogEntry]) {
        self.entries = entries
        compiled = entries.map { ($0, $0.patterns.map(NamePattern.init)) }
        var byTask: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byTask[Self.key(entry.taskID, entry.system), default: []].append(index) }
        rowsByTask = byTask.mapValues { rows in rows.sorted { entries[$0].validFrom < entries[$1].validFrom } }
    }

    /// The catalog row that maps `name` of `system` on `date`, or nil when no row in force matches.
    public func entry(for name: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        var globMatch: CatalogEntry? = nil
        for (entry, patterns) in compiled where entry.system == system {
            guard let inForce = self.entry(task: entry.taskID, system: system, on: date), inForce == entry else { continue }
            for pattern in patterns where pattern.matches(name) {
                if !pattern.isGlob { return entry }
                if globMatch == nil { globMatch = entry }
            }
        }
        return globMatch
    }

    /// The row of `task` for `system` in force on `date`: the one with the latest `valid_from` not after it.
    public func entry(task: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        guard let rows = rowsByTask[Self.key(task, system)] else { return nil }
        var found: CatalogEntry? = nil
        for index in rows where entries[index].validFrom <= date { found = entries[index] }
        return found
    }

    /// Every row of `task` for `system`, oldest first.
    public func versions(of task: String, system: SystemFamily) -> [CatalogEntry] {
        (rowsByTask[Self.key(task, system)] ?? []).map { entries[$0] }
    }

    private static func key(_ task: String, _ system: SystemFamily) -> String { "\(task)\u{0}\(system.rawValue)" }

    /// Task IDs in the order they first appear in the catalog.
    public var taskIDs: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.taskID).inserted ? $0.taskID : nil }
    }
}
