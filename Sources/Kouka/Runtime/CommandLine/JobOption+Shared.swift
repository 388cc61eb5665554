/// The options every job takes, said the same way in each one's help.
extension JobOption {
    /// `-c, --config <config>`: the configuration file.
    package static let configuration = JobOption.text("config", short: "c", default: "kouka.toml", help: "The configuration file (TOML).")
    /// `--summary <summary>`: a copy of the JSON summary for monitoring.
    package static let summaryFile = JobOption.text(
        "summary", help: "Also write the JSON summary to this file (replaced whole each run) and append it as one line to <file>.jsonl.")
    /// `-v, --verbose`.
    package static let verbose = JobOption.flag("verbose", short: "v", help: "Log every step.")
    /// `-q, --quiet`.
    package static let quiet = JobOption.flag("quiet", short: "q", help: "Log errors only.")

    /// What every command answers itself, before reading anything else (`JobCommandLine`): listed after its own options.
    static let answeredByEveryCommand: [JobOption] = [
        .flag("version", help: "Show the version."),
        .flag("help", short: "h", help: "Show help information."),
    ]

    /// The help as `--help` and the man page state it: with the default, when there is one.
    var statedHelp: String { help + (defaultValue.map { " (default: \($0))" } ?? "") }
}

extension JobCommand {
    /// The options `--help` and the man page list: the command's own that are not hidden, then those every command answers.
    var listedOptions: [JobOption] { options.filter { !$0.isHidden } + JobOption.answeredByEveryCommand }
}
