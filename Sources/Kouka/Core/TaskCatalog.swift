/// The departments' task catalog: which log names belong to which task, and each task's baseline over time.
///
/// A task may have several rows with different `valid_from` dates; an event uses the row in force on its
/// local date. One task (業務) may be supported by several systems (AI-OCR and RPA, say): it then has
/// rows for each, with the same `task_id`, and versions are kept per task and system.
///
/// Which task a name belongs to is decided per task, not per row: among the rows in force, the one with
/// the most specific matching pattern wins (see `NamePatternRelation`), so a task's newer baseline row
/// never hands its names to another task, and the mapping depends on neither row order nor dates. The
/// version is then the winning task's row in force. Catalogs where two tasks could both match a name with
/// neither pattern more specific are listed in `conflicts`, which the loader refuses.
package struct TaskCatalog: Sendable {
    package let entries: [CatalogEntry]
    private let compiled: [(entry: CatalogEntry, patterns: [NamePattern])]
    private let rowsByTask: [String: [Int]]
    /// For each row, the `valid_from` of the next row of its task and system, if there is one.
    private let nextValidFrom: [LocalDate?]
    /// How two patterns of different tasks in one system compare, for the pairs some name matches both of.
    private let relations: [PatternPair: NamePatternRelation]
    /// Rows of different tasks in force on a common day whose patterns can both match a name, neither
    /// more specific; empty for every catalog `TaskCatalogLoader` returns.
    package let conflicts: [CatalogConflict]

    struct PatternPair: Hashable {
        var system: SystemFamily
        var first: String, second: String
    }

    package init(entries: [CatalogEntry]) {
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
        relations = Self.relations(of: entries)
        conflicts = Self.conflicts(entries, until: next, relations: relations)
    }

    /// The catalog row that maps `name` of `system` on `date`, or nil when no row in force matches.
    package func entry(for name: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        candidates(for: name, system: system).entry(on: date)
    }

    /// The rows of `system` whose patterns match `name`, in catalog order, each with the day it stops being
    /// in force and the rows of other tasks whose pattern for the name is more specific; for looking up the
    /// same name on many dates.
    package func candidates(for name: String, system: SystemFamily) -> CatalogCandidates {
        var found: [(row: Int, patterns: [String])] = []
        for (index, (entry, patterns)) in compiled.enumerated() where entry.system == system {
            let matching = patterns.filter { $0.matches(name) }.map(\.text)
            if !matching.isEmpty { found.append((index, matching)) }
        }
        let candidates = found.map { mine in
            CatalogCandidates.Candidate(
                entry: entries[mine.row], supersededOn: nextValidFrom[mine.row],
                beatenBy: found.indices.filter { index in
                    let theirs = found[index]
                    guard entries[theirs.row].taskID != entries[mine.row].taskID else { return false }
                    return theirs.patterns.contains { pattern in
                        mine.patterns.allSatisfy { relation(pattern, $0, system: system) == .narrower }
                    }
                })
        }
        return CatalogCandidates(candidates: candidates)
    }

    /// The row of `task` for `system` in force on `date`: the one with the latest `valid_from` not after it.
    package func entry(task: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        guard let rows = rowsByTask[Self.key(task, system)] else { return nil }
        var found: CatalogEntry? = nil
        for index in rows where entries[index].validFrom <= date { found = entries[index] }
        return found
    }

    /// Every row of `task` for `system`, oldest first.
    package func versions(of task: String, system: SystemFamily) -> [CatalogEntry] {
        (rowsByTask[Self.key(task, system)] ?? []).map { entries[$0] }
    }

    private static func key(_ task: String, _ system: SystemFamily) -> String { "\(task)\u{0}\(system.rawValue)" }

    /// Task IDs in the order they first appear in the catalog.
    package var taskIDs: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.taskID).inserted ? $0.taskID : nil }
    }

    // MARK: - Precedence between tasks

    private func relation(_ first: String, _ second: String, system: SystemFamily) -> NamePatternRelation {
        Self.relation(first, second, system: system, in: relations)
    }

    private static func relation(_ first: String, _ second: String, system: SystemFamily, in relations: [PatternPair: NamePatternRelation]) -> NamePatternRelation {
        if first == second { return .same }
        if let relation = relations[PatternPair(system: system, first: first, second: second)] { return relation }
        switch relations[PatternPair(system: system, first: second, second: first)] {
        case .narrower: return .wider
        case .wider: return .narrower
        case let other: return other ?? .disjoint
        }
    }

    /// Compares each two pattern texts of one system that different tasks use; keeps the pairs some name matches both of.
    /// A name both match starts with both patterns' literal prefixes (the characters before a first wildcard), so one
    /// prefix begins the other: only such pairs are compared. In the prefixes' order, those that begin with a prefix
    /// follow it, one after the other, so each pattern meets them by walking on from its own place until one does not.
    /// Compared by their first character only, the patterns of a city's catalog, which share their first characters
    /// (`住民税_…`, `robot…`), made every job's start grow with the square of its rows: 0.44 G instructions at 300 rows,
    /// 4.1 G at 1,000 (0.09 G and 0.25 G this way).
    static func relations(of entries: [CatalogEntry]) -> [PatternPair: NamePatternRelation] {
        var relations: [PatternPair: NamePatternRelation] = [:]
        for system in SystemFamily.allCases {
            var tasksUsing: [String: Set<String>] = [:]
            for entry in entries where entry.system == system {
                for pattern in entry.patterns { tasksUsing[pattern, default: []].insert(entry.taskID) }
            }
            let byText = tasksUsing.sorted { $0.key < $1.key }
            let texts = byText.map(\.key), users = byText.map(\.value)
            let patterns = texts.map(NamePattern.init)
            let order = patterns.indices.sorted { patterns[$0].literalPrefix.lexicographicallyPrecedes(patterns[$1].literalPrefix) }
            for (place, i) in order.enumerated() {
                let prefix = patterns[i].literalPrefix
                for j in order[(place + 1)...].prefix(while: { patterns[$0].literalPrefix.starts(with: prefix) }) {
                    let (a, b) = i < j ? (i, j) : (j, i)
                    // Patterns of one task only never need an order between them.
                    if users[a].count == 1 && users[a] == users[b] { continue }
                    let relation = patterns[a].relation(to: patterns[b])
                    if relation != .disjoint { relations[PatternPair(system: system, first: texts[a], second: texts[b])] = relation }
                }
            }
        }
        return relations
    }

    /// Each pair of rows of different tasks in force on a common day, with patterns that can both match a
    /// name and no order between them, once per pair of patterns, named by the later row.
    private static func conflicts(_ entries: [CatalogEntry], until: [LocalDate?], relations: [PatternPair: NamePatternRelation]) -> [CatalogConflict] {
        var rowsUsing: [PatternPair: [Int]] = [:] // keyed by (system, pattern, pattern)
        for (index, entry) in entries.enumerated() {
            for pattern in Set(entry.patterns) { rowsUsing[PatternPair(system: entry.system, first: pattern, second: pattern), default: []].append(index) }
        }
        func rows(_ system: SystemFamily, _ pattern: String) -> [Int] { rowsUsing[PatternPair(system: system, first: pattern, second: pattern)] ?? [] }
        // The pattern pairs with no order: the same text in two rows, and the unordered pairs of texts.
        let unordered = rowsUsing.keys.filter { rowsUsing[$0]!.count > 1 }.map { ($0, NamePatternRelation.same) }
            + relations.filter { !$0.value.isOrdered }.map { ($0.key, $0.value) }
        var found: [CatalogConflict] = []
        var seen = Set<[Int]>()
        for (pair, relation) in unordered {
            for x in rows(pair.system, pair.first) {
                for y in rows(pair.system, pair.second) where x != y {
                    let (earlier, later) = x < y ? (x, y) : (y, x)
                    let a = entries[earlier], b = entries[later]
                    // Each row is in force from its valid_from until its task's next row: the spans must meet.
                    guard a.taskID != b.taskID, until[later].map({ a.validFrom < $0 }) ?? true, until[earlier].map({ b.validFrom < $0 }) ?? true
                    else { continue }
                    let pattern = later == x ? pair.first : pair.second, otherPattern = later == x ? pair.second : pair.first
                    let key = [earlier, later, b.patterns.firstIndex(of: pattern)!, a.patterns.firstIndex(of: otherPattern)!]
                    guard seen.insert(key).inserted else { continue }
                    found.append(CatalogConflict(row: b, pattern: pattern, other: a, otherPattern: otherPattern, relation: relation))
                }
            }
        }
        return found.sorted { ($0.row.line, $0.other.line, $0.pattern, $0.otherPattern) < ($1.row.line, $1.other.line, $1.pattern, $1.otherPattern) }
    }
}
