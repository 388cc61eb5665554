import Foundation
import Testing

/// What an administrator asks a job before trusting it: `--version` (the version the reports state),
/// the exit codes in `--help`, and a missing configuration or catalog named once, without a line 0.
@Suite struct VersionAndHelpTests {
    static let jobs = ["kouka-nightly", "kouka-report", "kouka-audit"]

    /// The version in the source the reports are stamped from, read as text so the test cannot share a bug with it.
    static func statedVersion() throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Kouka/Runtime/Support/KoukaVersion.swift").standardizedFileURL
        let text = try String(contentsOf: source, encoding: .utf8)
        let start = try #require(text.range(of: "current = \""))
        return String(text[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: jobs)
    func versionPrintsTheVersionTheReportsState(job: String) throws {
        let result = try JobProcess.run(job, ["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try Self.statedVersion()))
    }

    @Test(arguments: jobs)
    func helpListsTheExitCodes(job: String) throws {
        let result = try JobProcess.run(job, ["--help"])
        #expect(result.exitCode == 0)
        let help = result.stdout
        #expect(help.contains("Exit codes:"), "\(help)")
        for code in ["0 ", "64 ", "65 ", "73 ", "74 ", "75 "] {
            #expect(help.contains("\n  \(code)"), "exit code \(code)in \(job) --help")
        }
        // Each says what 1 means for it (kouka-report: runs of a period over still running, since 0.5.12).
        #expect(help.contains("\n  1 "), "\(job)")
    }

    /// Every option `--help` shows is on the job's man page (and each subcommand's), and the help fits a terminal of 80
    /// columns. scripts/test-deb.sh checks the same of the packaged pages, rendered by man.
    @Test(arguments: jobs)
    func theManualPageListsWhatHelpShows(job: String) throws {
        let page = try JobProcess.run(job, ["--manual-page", "2026-12-06"])
        #expect(page.exitCode == 0)
        #expect(page.stdout.hasPrefix(".TH \(job.uppercased().replacingOccurrences(of: "-", with: "\\-")) 1 \"2026-12-06\""), "\(page.stdout.prefix(80))")
        let help = try JobProcess.run(job, ["--help"]).stdout
        let subcommands = job == "kouka-audit" ? ["targets", "verify", "rejects"] : [""]
        for subcommand in subcommands {
            let text = subcommand.isEmpty ? help : try JobProcess.run(job, [subcommand, "--help"]).stdout
            let options = Set(text.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
            #expect(options.count >= 4, "\(job) \(subcommand)")
            for option in options {
                #expect(page.stdout.contains(option.replacingOccurrences(of: "-", with: "\\-")), "\(job) \(subcommand) \(option)")
            }
            for line in text.split(separator: "\n") where !line.hasPrefix("USAGE: ") {
                #expect(line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x3000 ? 2 : 1) } < 80, "\(job): \(line)")
            }
            if !subcommand.isEmpty { #expect(page.stdout.contains("\n.B \(subcommand)"), "\(subcommand)") }
        }
        #expect(!page.stdout.contains("today"), "the hidden --today stays off the page")
    }

    @Test(arguments: jobs)
    func aMissingConfigurationIsNamedOnceWithoutALine(job: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-absent-\(UUID().uuidString)/kouka.toml").path
        let arguments = job == "kouka-nightly" ? ["--config", path] : (job == "kouka-report" ? ["--config", path, "--fiscal-year", "2024"]
                                                                                              : ["targets", "--config", path, "--fiscal-year", "2024"])
        let result = try JobProcess.run(job, arguments)
        #expect(result.exitCode == 64)
        let error = try #require(try result.summary()["error"] as? String)
        #expect(error.components(separatedBy: path).count == 2, "the path once: \(error)")
        #expect(error.contains("no such file; pass --config"), "\(error)")
        #expect(!error.contains(":0:"))
    }

    @Test func aMissingCatalogIsNamedOnceWithoutALine() throws {
        let city = try SmallCity("absent-catalog")
        defer { city.remove() }
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\n")
        let result = try city.nightly()
        #expect(result.exitCode == 65)
        let error = try #require(try result.summary()["error"] as? String)
        let catalog = city.root.appendingPathComponent("catalog.csv").path
        #expect(error.components(separatedBy: catalog).count == 2, "the path once: \(error)")
        #expect(!error.contains(":0:"), "\(error)")
        #expect(error.contains("cannot open it (No such file or directory)"), "\(error)")
    }
}
