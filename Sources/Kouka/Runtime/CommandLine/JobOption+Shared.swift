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
}
