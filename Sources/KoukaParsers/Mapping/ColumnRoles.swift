/// The roles a mapped format's columns can play, and which of them the configuration must name.
public struct ColumnRoles: Sendable {
    public var required: [String]
    public var optional: [String]
    /// Value lists the format reads, e.g. `success`, `failure`.
    public var valueLists: [String]

    public var all: [String] { required + optional }

    /// Throws what is wrong with a source's options, as a message for the configuration.
    public func validate(_ options: SourceOptions) throws(MappingError) {
        if let problem = problem(with: options) { throw MappingError(problem) }
    }

    /// Checks a source's options against these roles; returns what is wrong, or nil.
    public func problem(with options: SourceOptions) -> String? {
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
        return nil
    }
}
