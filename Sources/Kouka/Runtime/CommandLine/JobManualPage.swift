/// A job's man page (section 1, man(7) macros), made from the same `JobCommand` as its `--help` so that the two
/// cannot disagree: scripts/build-deb.sh writes the package's pages with `kouka-nightly --manual-page <date>`.
enum JobManualPage {
    /// The page of `command`, dated `date` (yyyy-MM-dd, the package's build date so that a rebuild is byte-identical).
    static func render(_ command: JobCommand, date: String) -> String {
        var lines = [
            ".TH \(escape(command.name.uppercased())) 1 \"\(date)\" \(quoted("Kouka \(KoukaVersion.current)")) \(quoted("Kouka Manual"))",
            ".SH NAME",
            "\(escape(command.name)) \\- \(escape(command.abstract))",
            ".SH SYNOPSIS",
        ]
        lines += synopsis([command])
        lines += [".SH DESCRIPTION", escape(command.abstract), ".PP", escape(Self.output)]
        lines += [".SH OPTIONS"] + options(of: command)
        if !command.subcommands.isEmpty {
            lines.append(".SH SUBCOMMANDS")
            for subcommand in command.subcommands {
                let isDefault = subcommand.name == command.defaultSubcommand
                lines += [".TP", ".B \(escape(subcommand.name))" + (isDefault ? " (default)" : ""), escape(subcommand.abstract)]
            }
            for subcommand in command.subcommands {
                lines += [".SS \(quoted("\(command.name) \(subcommand.name)"))"] + synopsis([command, subcommand]) + [".PP"]
                lines += options(of: subcommand)
            }
        }
        if !command.exitCodes.isEmpty {
            lines.append(".SH \"EXIT STATUS\"")
            for status in command.exitCodes { lines += [".TP", ".B \(status.code)", escape(status.meaning)] }
        }
        lines += [".SH AUTHORS", "The Kouka project."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What every job prints where: the same for all three, as JobRunner does it.
    static let output = "It prints its summary on standard output as JSON (as a table with --table, where a subcommand offers it), "
        + "and its log on standard error as logfmt lines; --summary also keeps the summary in a file for monitoring. "
        + "It asks nothing, so that cron and systemd can run it."

    private static func synopsis(_ path: [JobCommand]) -> [String] {
        let command = path[path.count - 1]
        var words = ["\\fB\(escape(path.map(\.name).joined(separator: " ")))\\fR"]
        if !command.subcommands.isEmpty {
            words.append("\\fIsubcommand\\fR")
        } else {
            for option in command.options where !option.isHidden {
                let name = "\\fB\(escape("--" + option.long))\\fR" + (option.takesValue ? " \\fI\(escape(option.long))\\fR" : "")
                words.append(option.isRequired ? name : "[\(name)]")
            }
        }
        return [".PP", words.joined(separator: " ")]
    }

    private static func options(of command: JobCommand) -> [String] {
        command.listedOptions.flatMap { option in
            let value = option.takesValue ? " \\fI\(escape(option.long))\\fR" : ""
            let names = (option.short.map { "\\fB\\-\($0)\\fR, " } ?? "") + "\\fB\(escape("--" + option.long))\\fR" + value
            return [".TP", names, escape(option.statedHelp)]
        }
    }

    /// Text as roff prints it: a backslash is `\e`, a dash a minus sign (options are typed with it), and a line
    /// cannot start with a control character.
    static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    private static func quoted(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }
}
