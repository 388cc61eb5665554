/// A job's `--help`, and what it prints for arguments it cannot run with: laid out as swift-argument-parser laid them
/// out, which administrators' notes and the man pages' checks were written against.
enum JobCommandHelp {
    /// Where an option's help starts, as swift-argument-parser put it.
    private static let helpColumn = 26

    /// The help of the last command in `path` (the job, or the job and a subcommand).
    static func text(for path: [JobCommand]) -> String {
        let command = path[path.count - 1]
        var sections = ["OVERVIEW: " + TerminalText.wrap(command.abstract, first: 10, indent: 0)]
        if !command.exitCodes.isEmpty {
            sections.append((["Exit codes:"] + command.exitCodes.map { status in
                let code = String(status.code)
                let lead = "  " + code + String(repeating: " ", count: 4 - code.count)
                return lead + TerminalText.wrap(status.meaning, first: lead.count, indent: lead.count)
            }).joined(separator: "\n"))
        }
        sections.append("USAGE: " + usage(for: path))
        sections.append((["OPTIONS:"] + command.listedOptions.map { entry(($0.label, $0.statedHelp)) }).joined(separator: "\n"))
        if !command.subcommands.isEmpty {
            sections.append((["SUBCOMMANDS:"] + command.subcommands.map { subcommand in
                entry((subcommand.name + (subcommand.name == command.defaultSubcommand ? " (default)" : ""), subcommand.abstract))
            }).joined(separator: "\n") + "\n\n  See '\(path.map(\.name).joined(separator: " ")) help <subcommand>' for detailed help.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `kouka-audit verify [--config <config>] …`: the command and its options on one line.
    static func usage(for path: [JobCommand]) -> String {
        let command = path[path.count - 1]
        let name = path.map(\.name).joined(separator: " ")
        if !command.subcommands.isEmpty { return name + " <subcommand>" }
        return ([name] + command.options.filter { !$0.isHidden }.map(\.usage)).joined(separator: " ")
    }

    /// What goes to stderr for arguments the job cannot run with.
    static func failure(_ error: JobUsageError, path: [JobCommand]) -> String {
        var lines = ["Error: " + error.message]
        if let option = error.option {
            lines.append("Help:  \(option.label)  \(option.help)")
        }
        lines.append("Usage: " + usage(for: path))
        lines.append("  See '\(path.map(\.name).joined(separator: " ")) --help' for more information.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One option or subcommand: its label, then its help from column 26 (below the label when that is too long).
    private static func entry(_ item: (label: String, help: String)) -> String {
        let lead = "  " + item.label
        let pad = String(repeating: " ", count: helpColumn)
        let help = TerminalText.wrap(item.help, first: helpColumn, indent: helpColumn)
        if lead.count + 2 > helpColumn { return lead + "\n" + pad + help }
        return lead + String(repeating: " ", count: helpColumn - lead.count) + help
    }
}
