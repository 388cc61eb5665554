/// The systems register cannot be used; the report stops, since the new-systems figure depends on every row.
package struct SystemsRegisterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem, on one line of the register.
    package struct Problem: Sendable, Equatable {
        package var line: Int
        package var message: String
    }

    package var path: String
    package var problems: [Problem]

    package var description: String {
        let lines = problems.prefix(20).map { "\(path):\($0.line): \($0.message)" }
        let more = problems.count > 20 ? ["… and \(problems.count - 20) more"] : []
        return (["systems register \(path) has \(problems.count) problem(s); fix them in the register and run again:"] + lines + more)
            .joined(separator: "\n  ")
    }
}
