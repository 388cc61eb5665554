
/// A task goes into production once, on the `production_from` any of its rows gives for its system: the AI-supported task
/// counts its uses from that day, whichever row a use falls under.
enum CatalogProductionStart {
    /// The catalog with each task's one production start on all its rows of that system: the date given on any row holds for
    /// the task, so that a use under a row that leaves it empty is judged by it too (helper-94: given only on a later row,
    /// uses before it counted and the AI-supported task was 達成 under a date the report printed as later).
    static func shared(_ catalog: TaskCatalog) -> TaskCatalog {
        var starts: [String: LocalDate] = [:]
        for row in catalog.entries { if let start = row.productionFrom { starts["\(row.taskID)@\(row.system.rawValue)"] = start } }
        guard !starts.isEmpty else { return catalog }
        return TaskCatalog(entries: catalog.entries.map { row in
            var row = row
            row.productionFrom = row.productionFrom ?? starts["\(row.taskID)@\(row.system.rawValue)"]
            return row
        })
    }

    /// A task goes into production once: each use is judged by the `production_from` of the row in force on its day, so
    /// rows giving two dates would count uses before one of them as in production by the other, and the report states
    /// one date for the task (helper-92: the AI-supported task counted or not by which row held which date). Rows planned
    /// with a volume are `CatalogPlannedOnce`'s.
    static func problems(in catalog: TaskCatalog) -> [CatalogError.Problem] {
        var first: [String: CatalogEntry] = [:]
        var problems: [CatalogError.Problem] = []
        for row in catalog.entries.sorted(by: { $0.line < $1.line }) {
            guard let start = row.productionFrom else { continue }
            let task = "\(row.taskID)@\(row.system.rawValue)"
            guard let earlier = first[task] else {
                first[task] = row
                continue
            }
            guard earlier.productionFrom != start, earlier.expectedUnitsPerYear == nil || row.expectedUnitsPerYear == nil else { continue }
            problems.append(.init(line: row.line, message: """
                task_id \(row.taskID) goes into production on \(earlier.productionFrom?.description ?? "") on line \(earlier.line) \
                and on \(start) here; a task goes into production once: give the same production_from on each of its rows (or \
                leave it empty on the rows after)
                """))
        }
        return problems
    }
}
