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
        // kouka-report never ends with 1; the others say what 1 means for them.
        #expect(help.contains("\n  1 ") == (job != "kouka-report"), "\(job)")
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
