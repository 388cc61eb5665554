
/// A task is planned once. Its rows are versions of one task (a newer baseline from a later `valid_from`), and a row
/// copied to add a version keeps the copied `expected_units_per_year` and `production_from`: the path to the target
/// would add the task's planned hours once per row. Rows that give the same volume and start are one plan, counted
/// once; rows that give another volume or start are refused, since which of them holds is the department's to say.
enum CatalogPlannedOnce {
    static func problems(in catalog: TaskCatalog) -> [CatalogError.Problem] {
        var first: [String: CatalogEntry] = [:]
        var problems: [CatalogError.Problem] = []
        for row in catalog.entries.sorted(by: { $0.line < $1.line }) {
            guard let units = row.expectedUnitsPerYear, let start = row.productionFrom else { continue }
            let task = "\(row.taskID)@\(row.system.rawValue)"
            guard let earlier = first[task] else {
                first[task] = row
                continue
            }
            if earlier.expectedUnitsPerYear == units && earlier.productionFrom == start { continue }
            problems.append(.init(line: row.line, message: """
                task_id \(row.taskID) is planned on line \(earlier.line) with \(CatalogExpectedVolume.column) \
                \(TaskCatalogLoader.decimal(earlier.expectedUnitsPerYear ?? 0)) from \(earlier.productionFrom?.description ?? "") \
                and here with \(TaskCatalogLoader.decimal(units)) from \(start); a task is planned once: give its expected \
                volume and production_from on one row (or the same on each)
                """))
        }
        return problems
    }
}
