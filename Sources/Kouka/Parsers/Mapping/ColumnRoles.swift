/// The roles a mapped format's columns can play, and which of them the configuration must name.
package struct ColumnRoles: Sendable {
    package var required: [String]
    package var optional: [String]
    /// Value lists the format reads, e.g. `success`, `failure`.
    package var valueLists: [String]

    package var all: [String] { required + optional }

    /// Throws what is wrong with a source's options, as a message for the configuration.
    package func validate(_ options: SourceOptions) throws(MappingError) {
        if let problem = problem(with: options) { throw MappingError(problem) }
    }

    /// Checks a source's options against these roles; returns what is wrong, or nil.
    package func problem(with options: SourceOptions) -> String? {
        let missing = required.filter { options.columns[$0] == nil }
        if !missing.isEmpty {
            return "[source.columns] must name \(missing.joined(separator: ", ")) (roles: \(all.joined(separator: ", ")))"
        }
        let unknown = options.columns.keys.filter { !all.contains($0) }.sorted()
        if !unknown.isEmpty {
            return "[source.columns] has unknown role(s) \(unknown.joined(separator: ", ")); the roles are \(all.joined(separator: ", "))"
        }
        let unknownLists = options.values.keys.filter { !valueLists.contains($0) }.sorted()
        if !unknownLists.isEmpty {
            return "[source.values] has unknown list(s) \(unknownLists.joined(separator: ", ")); the lists are \(valueLists.joined(separator: ", "))"
        }
        // A status in none of the lists is rejected, never taken for a success: without the success values
        // every row would be.
        if valueLists.contains("success"), options.columns["status"] != nil, (options.values["success"] ?? []).isEmpty {
            return "status is mapped, so [source.values] must list the success values (e.g. success = [\"正常終了\"]); a status in none of the lists is rejected"
        }
        if valueLists.contains("success"), let shared = Self.overlap(of: ["success", "failure", "cancelled", "unfinished"], in: options) {
            return shared
        }
        return nil
    }

    /// What is wrong when a value is in two of `lists`, which one column's values are read against: the
    /// row would mean whichever list is tried first.
    static func overlap(of lists: [String], in options: SourceOptions) -> String? {
        var seen: [String: String] = [:]
        for list in lists {
            for value in Set((options.values[list] ?? []).map { $0.lowercased() }).sorted() {
                if let first = seen[value] { return "[source.values] lists \"\(value)\" both in \(first) and in \(list); a value may mean one thing only" }
                seen[value] = list
            }
        }
        return nil
    }
}
