import Foundation
import Testing

/// One source that matches no file (an unmounted share, a tool with no logs yet) does not stop the others:
/// it is a finding (exit 1, named in the summary and in the report's source status) and the other sources
/// are read; `required = true` keeps it a configuration error (64), and a configuration that cannot be
/// read still stops before any work.
@Suite(.serialized) struct MissingSourceTests {
    @Test func anEmptySourceFolderIsAFindingAndTheOtherSourceIsCounted() throws {
        let city = try TwoSourceCity("missing-source")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 3)
        try city.makeEmptyFolder("b")
        let run = try city.nightly()
        #expect(run.exitCode == 1, "\(run.stderr)")
        let summary = try run.summary()
        #expect(summary["rowsRead"] as? Int == 3, "source a is read")
        #expect(summary["rowsAccepted"] as? Int == 3)
        let missing = summary["sourcesMissing"] as? [[String: Any]] ?? []
        #expect(missing.map { $0["path"] as? String } == ["logs/b/*.json"])
        #expect((missing.first?["reason"] as? String)?.contains("no file matches") == true)

        let report = try city.city.report(2024)
        #expect(report.exitCode == 0)
        #expect(((report.json["hoursSaved"] as? [String: Any])?["total"] as? Double) == 1.5, "3 runs of 30 minutes")
        let status = report.json["sourcesMissing"] as? [[String: Any]] ?? []
        #expect(status.map { $0["path"] as? String } == ["logs/b/*.json"], "the report's source status names it")
        let markdown = try String(contentsOfFile: city.path("reports/FY2024/kouka-FY2024.md"), encoding: .utf8)
        #expect(markdown.contains(#"| logs/b/\*.json | — | ファイルなし（作成時） |"#))
    }

    @Test func aMissingFolderIsNamedAsSuch() throws {
        let city = try TwoSourceCity("missing-folder")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        let run = try city.nightly()
        #expect(run.exitCode == 1)
        let missing = try run.summary()["sourcesMissing"] as? [[String: Any]] ?? []
        #expect((missing.first?["reason"] as? String)?.contains("the folder \(city.path("logs/b")) does not exist") == true, "\(missing)")
    }

    @Test func aRequiredSourceThatMatchesNothingStopsTheRunWith64() throws {
        let city = try TwoSourceCity("required-source", required: true)
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 3)
        try city.makeEmptyFolder("b")
        let run = try city.nightly()
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("logs/b/*.json"))
        #expect(!FileManager.default.fileExists(atPath: city.path("kouka.sqlite")), "nothing was done")
    }

    @Test func aSourceWhoseLastFileWasRemovedHasItMarkedGoneAndTheRunGoesOn() throws {
        let city = try TwoSourceCity("last-file-gone")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 2)
        try city.writeLog("b", "1.json", runs: 1)
        #expect(try city.nightly().exitCode == 0)
        try FileManager.default.removeItem(atPath: city.path("logs/b/1.json"))
        try city.writeLog("a", "2.json", runs: 4)
        let run = try city.nightly()
        #expect(run.exitCode == 1)
        let summary = try run.summary()
        #expect(summary["filesGone"] as? [String] == ["logs/b/1.json"])
        #expect(summary["rowsRead"] as? Int == 4, "source a's new file is read")
        // What the gone file held keeps counting.
        let report = try city.city.report(2024)
        #expect(((report.json["hoursSaved"] as? [String: Any])?["total"] as? Double) == 3.5, "7 runs of 30 minutes")
    }

    @Test func anUnknownFormatStillStopsBeforeAnyWork() throws {
        let city = try TwoSourceCity("unknown-format")
        defer { city.remove() }
        try city.city.write("kouka.toml", "catalog = \"catalog.csv\"\n[[source]]\nformat = \"excel\"\npath = \"logs/none/*\"\n")
        let run = try city.nightly()
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("format excel is unknown"))
        #expect(!FileManager.default.fileExists(atPath: city.path("kouka.sqlite")))
    }
}
