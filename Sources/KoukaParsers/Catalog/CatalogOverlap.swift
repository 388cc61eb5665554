import KoukaCore

/// Finds a log name that two tasks claim at the same time: a run can be one task's only, so the catalog
/// must say which. Names matched by a glob are left to its order (an exact name beats a glob, the
/// earlier glob wins), which the README documents; two exact claims have no such order.
enum CatalogOverlap {
    /// The end of a row with no later version.
    private static let never = LocalDate(year: 9999, month: 12, day: 31)

    static func problems(in entries: [CatalogEntry]) -> [CatalogError.Problem] {
        // A row is in force from its valid_from until the next row of the same task and system.
        var until = [LocalDate?](repeating: nil, count: entries.count)
        let versions = Dictionary(grouping: entries.indices) { "\(entries[$0].taskID)\u{0}\(entries[$0].system.rawValue)" }
        for rows in versions.values {
            let ordered = rows.sorted { entries[$0].validFrom < entries[$1].validFrom }
            for (row, next) in zip(ordered, ordered.dropFirst()) { until[row] = entries[next].validFrom }
        }
        var claims: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for pattern in entry.patterns where !NamePattern(pattern).isGlob {
                claims["\(entry.system.rawValue)\u{0}\(pattern)", default: []].append(index)
            }
        }
        var problems: [CatalogError.Problem] = []
        for (key, rows) in claims where rows.count > 1 {
            let name = key.split(separator: "\u{0}").last.map(String.init) ?? key
            for (position, later) in rows.enumerated() {
                let clash = rows[..<position].first { earlier in
                    entries[earlier].taskID != entries[later].taskID
                        && entries[earlier].validFrom < (until[later] ?? Self.never) && entries[later].validFrom < (until[earlier] ?? Self.never)
                }
                guard let clash else { continue }
                problems.append(.init(line: entries[later].line, message: """
                    match name \(name) is also claimed by task_id \(entries[clash].taskID) (line \(entries[clash].line)) while both rows are in force; \
                    a run belongs to one task: remove the name from one row, or end that row with a newer valid_from
                    """))
            }
        }
        return problems
    }
}
