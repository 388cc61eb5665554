
/// A task's id and a department's name are written one way throughout the catalog. `Ａ０６` and `A06` (typed with the IME
/// on), `a06`, or `ＤＸ推進課` and `DX推進課` look like one task or one department to whoever reads the catalog, but as text
/// they are two: an AI-supported task counted twice towards the target, a department's hours split over two lines with
/// neither its own (helper-130, helper-132; every job exited 0). Which spelling is meant is the department's to say.
enum CatalogSpelledOneWay {
    static func problems(in catalog: TaskCatalog) -> [CatalogError.Problem] {
        var problems: [CatalogError.Problem] = []
        var ids: [String: CatalogEntry] = [:], departments: [String: CatalogEntry] = [:]
        for row in catalog.entries.sorted(by: { $0.line < $1.line }) {
            if let earlier = ids[key(row.taskID)], earlier.taskID != row.taskID {
                problems.append(.init(line: row.line, message: """
                    task_id \(row.taskID) is task_id \(earlier.taskID) of line \(earlier.line) in other letters (full-width or \
                    half-width, upper or lower case, spaces): as written they are two tasks, each counted on its own; write one \
                    task's id the same way on every row
                    """))
            } else if ids[key(row.taskID)] == nil {
                ids[key(row.taskID)] = row
            }
            if let earlier = departments[DepartmentSpellings.key(row.department)], earlier.department != row.department {
                problems.append(.init(line: row.line, message: """
                    department \(row.department) is department \(earlier.department) of line \(earlier.line) in other letters \
                    (full-width or half-width, upper or lower case, spaces): as written their hours would be two lines, neither \
                    the department's own; write its name the same way on every row
                    """))
            } else if departments[DepartmentSpellings.key(row.department)] == nil {
                departments[DepartmentSpellings.key(row.department)] = row
            }
        }
        return problems
    }

    private static func key(_ text: String) -> String { text.compatibilityNormalized.trimmingSpacesAndNewlines().lowercased() }
}
