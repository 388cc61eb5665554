import Foundation
import Testing
@testable import Kouka

/// Reports equal in every compared field are not turned into JSON to be compared; that shortcut must empty
/// exactly the fields the comparison leaves out, and must not hide a figure that differs.
struct ReportComparisonFastPathTests {
    static func report(runs: Int) -> YearReport {
        var report = ProjectionTests.report(2024, runsPerMonth: Array(repeating: runs, count: 12)).report
        report.sources = [SourceLine(path: "logs/a.log", sha256: "aa", format: "uipath-execution-log", rows: 1, accepted: 1, rejected: 0, repeated: 0, status: "present")]
        report.generatedAt = "2025-04-10T05:00:00+09:00"
        return report
    }

    @Test func everyFieldLeftOutOfTheComparisonIsEmptied() throws {
        let tree = try #require(try ReportComparison.tree(ReportComparison.withoutFieldsNotCompared(Self.report(runs: 3))) as? [String: Any])
        for key in ReportComparison.notCompared {
            let value = tree[key]
            let empty = value == nil || value is NSNull || (value as? String) == "" || (value as? [Any])?.isEmpty == true
            #expect(empty, "\(key) is not emptied: \(String(describing: value))")
        }
    }

    @Test func reportsThatDifferOnlyInFieldsNotComparedHaveNoDifferences() throws {
        var other = Self.report(runs: 3)
        other.generatedAt = ""
        other.sources = []
        #expect(try ReportComparison.differences(found: Self.report(runs: 3), expected: other).isEmpty)
    }

    @Test func aFigureThatDiffersIsNamed() throws {
        let differences = try ReportComparison.differences(found: Self.report(runs: 3), expected: Self.report(runs: 4))
        #expect(differences.contains { $0.field == "hoursSaved.total" }, "\(differences.map(\.field))")
    }
}
