/// Reads a job's arguments the way swift-argument-parser (the jobs' parser until December 2026) read them, so that
/// crontabs, systemd units and scripts keep working: `--name value`, `--name=value`, `-c value`, flags grouped
/// (`-vq`), `kouka-audit help verify`, the default subcommand, and the same messages for what cannot be read.
package enum JobCommandLine {
    /// What the arguments ask for.
    package enum Outcome: Sendable {
        /// Run the job (or the subcommand) with these options.
        case run(JobArguments)
        /// Print this help and exit 0.
        case help(String)
        /// Print the version and exit 0.
        case version
        /// Print the man page, dated so, and exit 0: how the package's pages are made (`--manual-page 2026-12-06`).
        case manualPage(date: String)
        /// Print the error with the usage of the commands named, and exit 64.
        case failure(JobUsageError, path: [JobCommand])
    }

    /// Reads `arguments` (without the program's name) for `root`.
    package static func read(_ arguments: [String], for root: JobCommand) -> Outcome {
        var path = [root]
        var rest = arguments[...]
        if !root.subcommands.isEmpty {
            if rest.first == "help" {
                guard let name = rest.dropFirst().first else { return .help(JobCommandHelp.text(for: path)) }
                guard let subcommand = root.subcommand(name) else {
                    return .failure(JobUsageError("Unknown subcommand '\(name)'"), path: path)
                }
                return .help(JobCommandHelp.text(for: path + [subcommand]))
            }
            if let first = rest.first, let subcommand = root.subcommand(first) {
                path.append(subcommand)
                rest = rest.dropFirst()
            } else if let first = rest.first, ["-h", "--help", "--version"].contains(first) || first.hasPrefix("--manual-page") {
                // Asked of the job itself, not of its default subcommand.
            } else if let name = root.defaultSubcommand, let subcommand = root.subcommand(name) {
                path.append(subcommand)
            } else if let first = rest.first {
                return .failure(JobUsageError("Unknown subcommand '\(first)'"), path: path)
            }
        }
        let command = path[path.count - 1]
        var values: [String: String] = [:]
        var flags: Set<String> = []
        func fail(_ message: String, _ option: JobOption? = nil) -> Outcome {
            .failure(JobUsageError(message, option: option), path: path)
        }
        // A value is the next argument unless that one is an option itself (as swift-argument-parser read it).
        func nextValue() -> String? {
            guard let next = rest.first, !(next.hasPrefix("-") && next.count > 1) else { return nil }
            rest = rest.dropFirst()
            return next
        }
        // Help and the version come first, wherever they are given, as swift-argument-parser answered them.
        for argument in rest.prefix(while: { $0 != "--" }) {
            if argument == "--help" || (!argument.hasPrefix("--") && argument.hasPrefix("-") && argument.dropFirst().contains("h")) {
                return .help(JobCommandHelp.text(for: path))
            }
            if argument == "--version" { return .version }
        }
        while let argument = rest.popFirst() {
            if argument == "--" {
                if let extra = rest.first { return fail("Unexpected argument '\(extra)'") }
                break
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                if name == "manual-page" && path.count == 1 {
                    guard let date = inline ?? nextValue(), LocalDate(date) != nil else {
                        return fail("--manual-page needs the page's date, yyyy-MM-dd")
                    }
                    return .manualPage(date: date)
                }
                guard let option = command.option(long: name) else { return fail("Unknown option '--\(name)'") }
                guard option.takesValue else {
                    if let inline { return fail("The option '--\(name)' does not take any value, but '\(inline)' was specified.") }
                    flags.insert(name)
                    continue
                }
                guard let value = inline ?? nextValue(), !value.isEmpty else { return fail("Missing value for '--\(name) <\(name)>'", option) }
                if option.value == .integer && Int(value) == nil {
                    return fail("The value '\(value)' is invalid for '--\(name) <\(name)>'", option)
                }
                values[name] = value
                continue
            }
            guard argument.hasPrefix("-"), argument.count > 1 else { return fail("Unexpected argument '\(argument)'") }
            // -c value, or flags grouped (-vq); in a group only the last may take a value.
            let letters = Array(argument.dropFirst())
            for (index, letter) in letters.enumerated() {
                guard let option = command.option(short: letter) else { return fail("Unknown option '-\(letter)'") }
                guard option.takesValue else {
                    flags.insert(option.long)
                    continue
                }
                guard index == letters.count - 1, let value = nextValue() else {
                    return fail("Missing value for '-\(letter) <\(option.long)>'", option)
                }
                values[option.long] = value
            }
        }
        if let missing = command.options.first(where: { $0.isRequired && values[$0.long] == nil }) {
            return fail("Missing expected argument '\(missing.usage)'", missing)
        }
        return .run(JobArguments(path: path, values: values, flags: flags))
    }
}
