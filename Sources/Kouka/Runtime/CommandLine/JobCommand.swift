/// What a job (or one of its subcommands) accepts and says about itself: the one description its argument reading,
/// its `--help` and its man page are all made from, so that they cannot disagree.
package struct JobCommand: Sendable {
    /// One exit code and what it means for this job.
    package struct ExitStatus: Sendable {
        package let code: Int32
        package let meaning: String
    }

    /// `kouka-nightly`, or a subcommand's own name (`verify`).
    package let name: String
    /// One sentence: the first line of `--help` and the man page's NAME.
    package let abstract: String
    package let exitCodes: [ExitStatus]
    package let options: [JobOption]
    package let subcommands: [JobCommand]
    /// The subcommand run when the first argument names none.
    package let defaultSubcommand: String?

    package init(name: String, abstract: String, exitCodes: [ExitStatus] = [], options: [JobOption] = [],
                 subcommands: [JobCommand] = [], defaultSubcommand: String? = nil) {
        precondition(defaultSubcommand == nil || subcommands.contains { $0.name == defaultSubcommand }, "no subcommand \(defaultSubcommand ?? "")")
        precondition(Set(options.map(\.long)).count == options.count, "an option named twice in \(name)")
        self.name = name
        self.abstract = abstract
        self.exitCodes = exitCodes
        self.options = options
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
    }

    func option(long: String) -> JobOption? { options.first { $0.long == long } }
    func option(short: Character) -> JobOption? { options.first { $0.short == short } }
    func subcommand(_ name: String) -> JobCommand? { subcommands.first { $0.name == name } }
}
