/// Reads a job's arguments the way swift-argument-parser (the jobs' parser until December 2026) read them, so that
/// crontabs, systemd units and scripts keep working: `--name value`, `--name=value`, `-c value`, `-c=value`, flags
/// grouped with the options that take values given theirs in order (`-vq`, `-qc kouka.toml`), `kouka-audit help verify`,
/// the default subcommand, and the same messages for what cannot be read. One difference, on purpose: an empty value
/// (`--summary ''`) is a missing one, before any work, where swift-argument-parser took it and the job failed late.
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
                // `help verify`: the subcommand's help; `help` alone, or followed by anything else, the job's.
                let next = rest.dropFirst().first
                if next == "--version" { return .version }
                return .help(JobCommandHelp.text(for: path + (next.flatMap(root.subcommand).map { [$0] } ?? [])))
            }
            if let first = rest.first, let subcommand = root.subcommand(first) {
                path.append(subcommand)
                rest = rest.dropFirst()
            } else if let first = rest.first, ["-h", "--help", "--version"].contains(first) || first.hasPrefix("--") && isManualPage(optionName(first), path: path) {
                // Asked of the job itself, not of its default subcommand.
            } else if let name = root.defaultSubcommand, let subcommand = root.subcommand(name) {
                path.append(subcommand)
            } else if let first = rest.first {
                return .failure(JobUsageError("Unknown subcommand '\(first)'"), path: path)
            }
        }
        let command = path[path.count - 1]
        if let asked = builtIn(in: rest, of: command, path: path) { return asked }
        var values: [String: String] = [:]
        var flags: Set<String> = []
        func fail(_ message: String, _ option: JobOption? = nil) -> Outcome {
            .failure(JobUsageError(message, option: option), path: path)
        }
        // A value is the next argument unless that one is an option itself (as swift-argument-parser read it).
        func nextValue() -> String? {
            guard let next = rest.first, !looksLikeOption(next) else { return nil }
            rest = rest.dropFirst()
            return next
        }
        // `given`: the option as the arguments wrote it (`--config`, `-c`), for the message.
        func take(_ value: String?, for option: JobOption, given: String) -> Outcome? {
            guard let value, !value.isEmpty else { return fail("Missing value for '\(given) <\(option.long)>'", option) }
            if option.value == .integer && Int(value) == nil {
                return fail("The value '\(value)' is invalid for '\(given) <\(option.long)>'", option)
            }
            values[option.long] = value
            return nil
        }
        while let argument = rest.popFirst() {
            if argument == "--" {
                if let extra = rest.first { return fail("Unexpected argument '\(extra)'") }
                break
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = optionName(argument)
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                if isManualPage(name, path: path) {
                    guard let date = inline ?? nextValue(), LocalDate(date) != nil else {
                        return fail("--manual-page needs the page's date, yyyy-MM-dd")
                    }
                    return .manualPage(date: date)
                }
                guard let option = command.option(long: name) else { return fail("Unknown option '--\(name)'") }
                guard option.takesValue else {
                    // `--dry-run=` with nothing after it is the flag, as swift-argument-parser read it.
                    if let inline, !inline.isEmpty { return fail("The option '--\(name)' does not take any value, but '\(inline)' was specified.") }
                    flags.insert(name)
                    continue
                }
                if let failed = take(inline ?? nextValue(), for: option, given: "--\(name)") { return failed }
                continue
            }
            guard looksLikeOption(argument) else { return fail("Unexpected argument '\(argument)'") }
            // Flags grouped (-vq), the options among them that take values given the next arguments in order (-qc FILE),
            // and the last one's written after `=` (-c=FILE).
            let body = argument.dropFirst()
            let letters = Array(body.prefix { $0 != "=" })
            let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            var options: [JobOption] = []
            for letter in letters {
                guard let option = command.option(short: letter) else {
                    return fail("Unknown option '\(letter.isLetter && inline == nil ? "-\(letter)" : argument)'")
                }
                options.append(option)
            }
            for (index, option) in options.enumerated() {
                let isLast = index == options.count - 1
                guard option.takesValue else {
                    if isLast, let inline { return fail("The option '-\(letters[index])' does not take any value, but '\(inline)' was specified.") }
                    flags.insert(option.long)
                    continue
                }
                if let failed = take(isLast && inline != nil ? inline : nextValue(), for: option, given: "-\(letters[index])") { return failed }
            }
        }
        if let missing = command.options.first(where: { $0.isRequired && values[$0.long] == nil }) {
            return fail("Missing expected argument '\(missing.usage)'", missing)
        }
        return .run(JobArguments(path: path, values: values, flags: flags))
    }

    /// The name of a long option as written (`--name` or `--name=value`): `name`.
    private static func optionName(_ argument: String) -> String { String(argument.dropFirst(2).prefix { $0 != "=" }) }

    /// Whether `name` is the hidden `--manual-page DATE` (scripts/build-deb.sh writes the package's pages with it),
    /// which only the job itself answers, not its subcommands (`path` is the job alone).
    private static func isManualPage(_ name: String, path: [JobCommand]) -> Bool { name == "manual-page" && path.count == 1 }

    /// `-x`, `--name`: an argument that is an option, not a value.
    private static func looksLikeOption(_ argument: String) -> Bool { argument.hasPrefix("-") && argument.count > 1 }

    /// Help or the version, asked anywhere before `--` as swift-argument-parser answered them (`--help`, `-h`, `-vh`,
    /// `--help=…`), even after an option it cannot read. An argument where an option's value belongs is that value, so
    /// `--config -h` is a missing value, as it was, not a request for help: nil then, and the reading reports it.
    private static func builtIn(in arguments: ArraySlice<String>, of command: JobCommand, path: [JobCommand]) -> Outcome? {
        var index = arguments.startIndex
        // Steps over the values of `count` options; false when one is missing (the reading then reports it).
        func skipValues(_ count: Int) -> Bool {
            for _ in 0..<count {
                guard index < arguments.endIndex, !looksLikeOption(arguments[index]) else { return false }
                index += 1
            }
            return true
        }
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return nil }
            guard looksLikeOption(argument) else { continue }
            if argument.hasPrefix("--") {
                let name = optionName(argument)
                if name == "help" { return .help(JobCommandHelp.text(for: path)) }
                if name == "version" { return .version }
                let takesValue = command.option(long: name)?.takesValue == true || isManualPage(name, path: path)
                if takesValue, !argument.contains("="), !skipValues(1) { return nil }
                continue
            }
            let letters = argument.dropFirst().prefix { $0 != "=" }
            if letters.contains("h") { return .help(JobCommandHelp.text(for: path)) }
            let wanted = letters.filter { command.option(short: $0)?.takesValue == true }.count - (argument.contains("=") ? 1 : 0)
            if !skipValues(max(wanted, 0)) { return nil }
        }
        return nil
    }
}
