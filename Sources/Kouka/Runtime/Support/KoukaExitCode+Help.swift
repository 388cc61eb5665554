extension KoukaExitCode {
    /// What the code means to whoever reads `--help` or a cron mail.
    var meaning: String {
        switch self {
        case .done: "done"
        case .doneWithFindings: "done, with findings to look at (see the summary)"
        case .usage: "bad arguments or configuration (or no configuration file at the path); nothing was done"
        case .dataError: "data stopped the run (the task catalog missing or bad, a store that does not hold what it should, or rejected rows with --strict)"
        case .cannotWrite: "an output (database, report, summary or metrics file) could not be written"
        case .ioError: "an input could not be read or found (the store, a log the run cannot go on without, or the sources' share or the store's volume not mounted)"
        case .locked: "another run holds the lock, or the store awaits a nightly run (the last stopped part way, an upgrade's files are to be read again, or files were read with other settings than kouka.toml gives now); run kouka-nightly, then try again"
        }
    }

    /// The exit codes a job ends with, for its `--help` and man page: taken from the codes themselves so that neither
    /// can drift from what the job does. `findings` says what exit 1 means for the job; nil when it never exits 1.
    package static func statuses(findings: String?) -> [JobCommand.ExitStatus] {
        let codes: [KoukaExitCode] = [.done] + (findings == nil ? [] : [.doneWithFindings]) + [.usage, .dataError, .cannotWrite, .ioError, .locked]
        return codes.map { code in
            .init(code: code.rawValue, meaning: code == .doneWithFindings ? "done, with findings: \(findings ?? "")" : code.meaning)
        }
    }
}
