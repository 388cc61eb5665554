import Foundation
import Kouka
import Testing

/// A file two sources match is read once a run, in the last source's format, and named until the sources no longer
/// overlap: read twice it was counted in one format, replaced by the other, and stated twice in the summary.
@Suite struct OverlappingSourcesTests {
    static func source(_ format: String, _ pattern: String) -> String {
        format == "winactor-task-csv"
            ? "[[source]]\nformat = \"\(format)\"\npath = \"\(pattern)\"\nencoding = \"shift_jis\"\n"
            : "[[source]]\nformat = \"\(format)\"\npath = \"\(pattern)\"\n"
    }

    func city(_ sources: String) throws -> TemporaryCity {
        let city = try TemporaryCity(sources: sources)
        // T01 runs t1–t3 and t4–t5, 2.75 h each.
        try RenamedSourceTests.export(1...3).write(to: city.root.appendingPathComponent("logs/export.csv"))
        try RenamedSourceTests.export(4...5).write(to: city.root.appendingPathComponent("logs/other.csv"))
        return city
    }

    @Test func aFileTwoSourcesMatchIsReadOnceAndNamed() throws {
        let city = try city(Self.source("winactor-task-csv", "logs/*.csv") + Self.source("winactor-task-csv", "logs/export*.csv"))
        defer { city.remove() }
        let first = try city.night(1)
        #expect(first.filesSeen == 2)
        #expect(first.filesRead == 2)
        #expect(first.filesMatchedTwice.map(\.path) == ["logs/export.csv"])
        #expect(first.filesMatchedTwice.first?.reason.contains("logs/export*.csv (winactor-task-csv)") == true)
        #expect(first.exitCode == .doneWithFindings)
        #expect(first.rowsRepeated == 0)
        #expect(try city.hoursSaved() == 13.75)
        let second = try city.night(2)
        #expect(second.filesSeen == 2)
        #expect(second.filesUnchanged == 2)
        #expect(second.filesMatchedTwice.count == 1, "named every night until the sources no longer overlap")
        #expect(try city.hoursSaved() == 13.75)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }

    @Test func aFileMatchedInTwoFormatsIsReadInTheLastOnesAndSaysSo() throws {
        let city = try city(Self.source("winactor-task-csv", "logs/*.csv") + Self.source("uipath-orchestrator", "logs/export.csv"))
        defer { city.remove() }
        let first = try city.night(1)
        #expect(first.filesMatchedTwice.first?.reason.contains("read once, as the last one's uipath-orchestrator") == true)
        #expect(first.filesRejected.map(\.path) == ["logs/export.csv"])
        #expect(try city.hoursSaved() == 5.5, "other.csv's two runs; export.csv, read as a job export, counts nothing")
    }
}
