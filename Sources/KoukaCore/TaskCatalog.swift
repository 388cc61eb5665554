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
    /// For each row, the `valid_from` of the next row of its task and system, if there is one.
    private let nextValidFrom: [LocalDate?]

    public init(entries: [CatalogEntry]) {
        self.entries = entries
        compiled = entries.map { ($0, $0.patterns.map(NamePattern.init)) }
        var byTask: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byTask[Self.key(entry.taskID, entry.system), default: []].append(index) }
        rowsByTask = byTask.mapValues { rows in rows.sorted { entries[$0].validFrom < entries[$1].validFrom } }
        var next = [LocalDate?](repeating: nil, count: entries.count)
        for rows in rowsByTask.values {
            for (row, following) in zip(rows, rows.dropFirst()) { next[row] = entries[following].validFrom }
        }
        nextValidFrom = next
    }

    /// The catalog row that maps `name` of `system` on `date`, or nil when no row in force matches.
    public func entry(for name: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        candidates(for: name, system: system).entry(on: date)
    }

    /// The rows of `system` whose patterns match `name`, in catalog order, each with the day it stops being
    /// in force; for looking up the same name on many dates.
    public func candidates(for name: String, system: SystemFamily) -> CatalogCandidates {
        var found: [CatalogCandidates.Candidate] = []
        for (index, (entry, patterns)) in compiled.enumerated() where entry.system == system {
            let matching = patterns.filter { $0.matches(name) }
            guard !matching.isEmpty else { continue }
            found.append(.init(entry: entry, exact: matching.contains { !$0.isGlob }, supersededOn: nextValidFrom[index]))
        }
        return CatalogCandidates(candidates: found)
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
