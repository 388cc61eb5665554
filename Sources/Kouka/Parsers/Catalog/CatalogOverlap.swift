
/// Names that two tasks claim at the same time with no rule to choose: a run can be one task's only, so
/// the catalog must say which. The rule is "the more specific pattern wins" (an exact name beats any
/// wildcard; `国保資格*` beats `国保*`); patterns that match the same names, or that each match names the
/// other does not while sharing some (`国保*` and `*確認`), give no order, and are refused here for every
/// name they could share, seen in the logs yet or not.
enum CatalogOverlap {
    static func problems(in catalog: TaskCatalog) -> [CatalogError.Problem] {
        catalog.conflicts.map { conflict in
            let other = "task_id \(conflict.other.taskID) (line \(conflict.other.line))"
            let message: String
            switch conflict.relation {
            case .same where !NamePattern(conflict.pattern).isGlob:
                message = """
                    match name \(conflict.pattern) is also claimed by \(other) while both rows are in force; \
                    a run belongs to one task: remove the name from one row, or end that row with a newer valid_from
                    """
            case .same:
                message = """
                    match pattern \(conflict.pattern) matches the same names as \(conflict.otherPattern) of \(other) while both rows \
                    are in force, so neither is more specific; a run belongs to one task: remove one, or end that row with a newer valid_from
                    """
            case let .crossing(example):
                message = """
                    match pattern \(conflict.pattern) and \(conflict.otherPattern) of \(other) both match names such as \(example) \
                    while both rows are in force, and neither is more specific (each matches names the other does not); \
                    a run belongs to one task: make one pattern narrower than the other (an exact name is narrower than any wildcard, \
                    国保資格* is narrower than 国保*), or list the names exactly
                    """
            case .tooIntricate, .disjoint, .narrower, .wider:
                message = """
                    match pattern \(conflict.pattern) and \(conflict.otherPattern) of \(other) may match the same names while both rows \
                    are in force, and they have too many ? after a * for Kouka to tell which is more specific; write them with fewer ?
                    """
            }
            return .init(line: conflict.row.line, message: message)
        }
    }
}
