/// The task catalog cannot be used; the job stops before reading any log, since every figure depends on it.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem, on one line of the catalog.
    package struct Problem: Sendable, Equatable {
        package var line: Int
        package var message: String
    }

    package var path: String
    package var problems: [Problem]
    /// Why the catalog could not be read at all (missing, not permitted, not a file): then there are no
    /// line problems, and the message names the path once, with no line.
    package var unreadable: String? = nil

    package init(path: String, problems: [Problem]) {
        self.path = path
        self.problems = problems
    }

    /// A catalog that could not be opened or read at all.
    package init(path: String, unreadable reason: String) {
        self.path = path
        problems = []
        unreadable = reason
    }

    /// The catalog's path and every problem by line (the first 20), or why it could not be read at all.
    public var description: String {
        if let unreadable { return "task catalog \(path): \(unreadable)" }
        let lines = problems.prefix(20).map { "\(path):\($0.line): \($0.message)" }
        let more = problems.count > 20 ? ["… and \(problems.count - 20) more"] : []
        return (["task catalog \(path) has \(problems.count) problem(s); fix them in the catalog and run again:"] + lines + more)
            .joined(separator: "\n  ")
    }
}
