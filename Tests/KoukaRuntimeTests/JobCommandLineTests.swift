import Foundation
@testable import Kouka
import Testing

/// The jobs' arguments as crontabs, systemd units and administrators' scripts give them: read as swift-argument-parser
/// read them (the jobs' parser until December 2026), with the same messages for what cannot be read.
@Suite struct JobCommandLineTests {
    static let options: [JobOption] = [
        .text("config", short: "c", default: "kouka.toml", help: "The configuration file (TOML)."),
        .text("since", help: "A date."),
        .flag("dry-run", help: "Write nothing."),
        .flag("verbose", short: "v", help: "Log every step."),
        .flag("quiet", short: "q", help: "Log errors only."),
        .text("today", hidden: true, help: "Take this date as today."),
    ]
    static let job = JobCommand(name: "kouka-test", abstract: "A job.", exitCodes: KoukaExitCode.statuses(findings: nil), options: options)
    static let audit = JobCommand(
        name: "kouka-check", abstract: "Checks.",
        subcommands: [
            JobCommand(name: "targets", abstract: "Targets.", options: [.integer("fiscal-year", required: true, help: "The year.")]),
            JobCommand(name: "verify", abstract: "Verify.", options: [.integer("fiscal-year", help: "Only this year."), .flag("table", help: "A table.")]),
        ],
        defaultSubcommand: "targets")

    static func arguments(_ outcome: JobCommandLine.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> JobArguments {
        guard case .run(let arguments) = outcome else {
            Issue.record("expected a run, got \(outcome)", sourceLocation: sourceLocation)
            throw JobUsageError("not a run")
        }
        return arguments
    }

    static func failure(_ outcome: JobCommandLine.Outcome) -> String? {
        guard case .failure(let error, _) = outcome else { return nil }
        return error.message
    }

    @Test func optionsWithValuesSeparateOrJoinedShortOrLong() throws {
        let given = try Self.arguments(JobCommandLine.read(["--config", "a.toml", "--since=2024-04-01", "--dry-run"], for: Self.job))
        #expect(given.text("config") == "a.toml")
        #expect(given.text("since") == "2024-04-01")
        #expect(given.flag("dry-run"))
        #expect(!given.flag("verbose"))
        #expect(given.text("today") == nil)
        let short = try Self.arguments(JobCommandLine.read(["-c", "b.toml", "--today", "2025-01-01"], for: Self.job))
        #expect(short.text("config") == "b.toml")
        #expect(short.text("today") == "2025-01-01", "a hidden option is still read")
        // The last of an option given twice counts, and an option without a value takes its default.
        #expect(try Self.arguments(JobCommandLine.read(["-c", "x", "--config", "y"], for: Self.job)).text("config") == "y")
        #expect(try Self.arguments(JobCommandLine.read([], for: Self.job)).text("config") == "kouka.toml")
        #expect(Self.failure(JobCommandLine.read(["--since="], for: Self.job)) == "Missing value for '--since <since>'")
    }

    @Test func flagsGroupedAndValuesInOrder() throws {
        let grouped = try Self.arguments(JobCommandLine.read(["-vq"], for: Self.job))
        #expect(grouped.flag("verbose") && grouped.flag("quiet"))
        for given in [["-qc", "c.toml"], ["-cq", "c.toml"], ["-q", "-c=c.toml"], ["-qc=c.toml"]] {
            let withValue = try Self.arguments(JobCommandLine.read(given, for: Self.job))
            #expect(withValue.flag("quiet") && withValue.text("config") == "c.toml", "\(given)")
        }
        // As swift-argument-parser read it: the options of a group that take values take the next arguments in order.
        let two = try Self.arguments(JobCommandLine.read(["-cs", "c.toml", "2024-04-01"], for: Self.twoValues))
        #expect(two.text("config") == "c.toml" && two.text("since") == "2024-04-01")
        #expect(Self.failure(JobCommandLine.read(["-cs", "c.toml"], for: Self.twoValues)) == "Missing value for '-s <since>'")
        #expect(try Self.arguments(JobCommandLine.read(["-c=a=b.toml"], for: Self.job)).text("config") == "a=b.toml")
        #expect(try Self.arguments(JobCommandLine.read(["--dry-run="], for: Self.job)).flag("dry-run"))
    }

    static let twoValues = JobCommand(name: "kouka-two", abstract: "Two values.", options: [
        .text("config", short: "c", help: "A file."), .text("since", short: "s", help: "A date."),
    ])

    @Test(arguments: [
        (["--bogus"], "Unknown option '--bogus'"),
        (["-x"], "Unknown option '-x'"),
        (["-c"], "Missing value for '-c <config>'"),
        (["--config", "--dry-run"], "Missing value for '--config <config>'"),
        (["--dry-run=yes"], "The option '--dry-run' does not take any value, but 'yes' was specified."),
        (["stray"], "Unexpected argument 'stray'"),
        (["-"], "Unexpected argument '-'"),
        (["--", "more"], "Unexpected argument 'more'"),
        (["-c", ""], "Missing value for '-c <config>'"),
        (["--config", ""], "Missing value for '--config <config>'"),
        (["-c/etc/kouka.toml"], "Unknown option '-c/etc/kouka.toml'"),
        (["-vx"], "Unknown option '-x'"),
        (["-v=1"], "The option '-v' does not take any value, but '1' was specified."),
        // Where a value belongs, -h is the value missing, not a request for help (swift-argument-parser's reading).
        (["--config", "-h"], "Missing value for '--config <config>'"),
        (["--since", "-h", "-c", "x"], "Missing value for '--since <since>'"),
        (["-c", "-vh"], "Missing value for '-c <config>'"),
    ])
    func whatCannotBeReadIsNamed(given: [String], message: String) {
        #expect(Self.failure(JobCommandLine.read(given, for: Self.job)) == message)
    }

    @Test func helpAndVersionAnywhere() {
        // Wherever it is given, even after what cannot be read, as swift-argument-parser answered it.
        for given in [["--help"], ["-h"], ["--dry-run", "--help"], ["-vh"], ["--bogus", "--help"], ["--help", "--bogus"], ["--help=1"],
                      ["-c", "x.toml", "-h"], ["-qc", "x.toml", "--help"]] {
            guard case .help(let text) = JobCommandLine.read(given, for: Self.job) else {
                Issue.record("\(given) did not ask for help")
                continue
            }
            #expect(text.hasPrefix("OVERVIEW: A job.\n"), "\(given)")
        }
        guard case .version = JobCommandLine.read(["--version"], for: Self.job) else { Issue.record("--version"); return }
        guard case .manualPage(let date) = JobCommandLine.read(["--manual-page", "2026-12-06"], for: Self.job) else {
            Issue.record("--manual-page")
            return
        }
        #expect(date == "2026-12-06")
        #expect(Self.failure(JobCommandLine.read(["--manual-page", "soon"], for: Self.job)) == "--manual-page needs the page's date, yyyy-MM-dd")
    }

    @Test func subcommandsByNameOrTheDefault() throws {
        let verify = try Self.arguments(JobCommandLine.read(["verify", "--fiscal-year", "2024", "--table"], for: Self.audit))
        #expect(verify.subcommand == "verify")
        #expect(verify.integer("fiscal-year") == 2024 && verify.flag("table"))
        let byDefault = try Self.arguments(JobCommandLine.read(["--fiscal-year", "2023"], for: Self.audit))
        #expect(byDefault.subcommand == "targets")
        #expect(byDefault.integer("fiscal-year") == 2023)
        #expect(try Self.arguments(JobCommandLine.read(["verify"], for: Self.audit)).integer("fiscal-year") == nil)
        #expect(Self.failure(JobCommandLine.read(["targets"], for: Self.audit)) == "Missing expected argument '--fiscal-year <fiscal-year>'")
        #expect(Self.failure(JobCommandLine.read([], for: Self.audit)) == "Missing expected argument '--fiscal-year <fiscal-year>'")
        #expect(Self.failure(JobCommandLine.read(["verify", "--fiscal-year", "二〇二四"], for: Self.audit))
                == "The value '二〇二四' is invalid for '--fiscal-year <fiscal-year>'")
        guard case .version = JobCommandLine.read(["help", "--version"], for: Self.audit) else { Issue.record("help --version"); return }
        #expect(Self.failure(JobCommandLine.read(["targets", "--table"], for: Self.audit)) == "Unknown option '--table'")
    }

    @Test func helpOfTheJobOrOfASubcommand() {
        for (given, start) in [(["--help"], "OVERVIEW: Checks."), (["help"], "OVERVIEW: Checks."), (["help", "verify"], "OVERVIEW: Verify."),
                               (["help", "bogus"], "OVERVIEW: Checks."), (["help", "-h"], "OVERVIEW: Checks."),
                               (["verify", "--help"], "OVERVIEW: Verify."), (["--fiscal-year", "2024", "-h"], "OVERVIEW: Targets.")] {
            guard case .help(let text) = JobCommandLine.read(given, for: Self.audit) else {
                Issue.record("\(given) did not ask for help")
                continue
            }
            #expect(text.hasPrefix(start + "\n"), "\(given): \(text)")
        }
    }

    @Test func helpListsWhatCanBeGivenAndLeavesOutHiddenOptions() {
        let help = JobCommandHelp.text(for: [Self.job])
        #expect(help.contains("USAGE: kouka-test [--config <config>] [--since <since>] [--dry-run] [--verbose] [--quiet]\n"))
        #expect(help.contains("\n  -c, --config <config>   The configuration file (TOML). (default: kouka.toml)\n"))
        #expect(help.contains("\n  -v, --verbose           Log every step.\n"))
        #expect(!help.contains("today"))
        #expect(help.contains("\n  64  bad arguments or configuration"))
        let audit = JobCommandHelp.text(for: [Self.audit])
        #expect(audit.contains("USAGE: kouka-check <subcommand>\n"))
        #expect(audit.contains("\n  targets (default)       Targets.\n"))
        #expect(audit.contains("See 'kouka-check help <subcommand>' for detailed help."))
        let targets = JobCommandHelp.text(for: [Self.audit, Self.audit.subcommands[0]])
        #expect(targets.contains("USAGE: kouka-check targets --fiscal-year <fiscal-year>\n"), "a required option without brackets")
        #expect(targets.contains("\n  --fiscal-year <fiscal-year>\n                          The year.\n"), "a long label puts its help below")
    }

    @Test func aFailureNamesTheOptionAndTheUsage() {
        let path = [Self.audit, Self.audit.subcommands[0]]
        guard case .failure(let error, let failedPath) = JobCommandLine.read(["targets", "--fiscal-year", "x"], for: Self.audit) else {
            Issue.record("no failure")
            return
        }
        #expect(failedPath.map(\.name) == path.map(\.name))
        #expect(JobCommandHelp.failure(error, path: failedPath) == """
            Error: The value 'x' is invalid for '--fiscal-year <fiscal-year>'
            Help:  --fiscal-year <fiscal-year>  The year.
            Usage: kouka-check targets --fiscal-year <fiscal-year>
              See 'kouka-check targets --help' for more information.

            """)
    }
}
