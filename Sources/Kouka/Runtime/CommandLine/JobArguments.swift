/// The options a job was given, read against its `JobCommand`.
package struct JobArguments: Sendable {
    /// The job, then the subcommand chosen (by name, or the default one) when it has subcommands.
    let path: [JobCommand]
    let values: [String: String]
    let flags: Set<String>

    /// The subcommand chosen (by name, or the default one); nil for a job without subcommands.
    package var subcommand: String? { path.count > 1 ? path.last?.name : nil }
    var command: JobCommand { path[path.count - 1] }

    /// Whether the flag `--long` was given.
    package func flag(_ long: String) -> Bool {
        precondition(command.option(long: long)?.value == JobOption.Value.none, "\(command.name) has no flag --\(long)")
        return flags.contains(long)
    }

    /// The text given for `--long`, else the option's default, else nil.
    package func text(_ long: String) -> String? {
        let option = command.option(long: long)
        precondition(option?.value == .text, "\(command.name) has no text option --\(long)")
        return values[long] ?? option?.defaultValue
    }

    /// The number given for `--long` (checked when it was read), else nil.
    package func integer(_ long: String) -> Int? {
        precondition(command.option(long: long)?.value == .integer, "\(command.name) has no number option --\(long)")
        return values[long].flatMap { Int($0) }
    }
}
