import Foundation
@testable import Kouka
import Testing

/// An AI use that handled 0 units (an AI-OCR job of 0 sheets) supported nothing, so it is not one of the uses an AI
/// task needs (`minimum_uses`) to count as AI-supported. Counted as uses, two real jobs and two empty ones reached a
/// minimum of 3, and the year's AI-supported tasks went up by one with exit code 0.
@Suite struct EmptyAIUsesTests {
    static func city(realJobs: Int, emptyJobs: Int) throws -> TemporaryCity {
        let city = try TemporaryCity(catalog: BadValueTests.catalog, sources: BadValueTests.ocrSource + "\n[ai_tasks]\nminimum_uses = 3\n")
        let jobs = (0..<realJobs).map { "2024/06/0\($0 + 1) 10:00:00,児童手当認定請求書,5,完了" }
            + (0..<emptyJobs).map { "2024/07/0\($0 + 1) 10:00:00,児童手当認定請求書,0,完了" }
        try city.write("logs/ocr/jobs.csv", (["読取日時,帳票名,読取枚数,状態"] + jobs).joined(separator: "\n") + "\n")
        return city
    }

    static func fy2024(_ city: TemporaryCity) throws -> YearReport {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
    }

    @Test func twoRealJobsAndTwoEmptyOnesDoNotReachAMinimumOfThree() throws {
        let city = try Self.city(realJobs: 2, emptyJobs: 2)
        defer { city.remove() }
        #expect(try city.nightly().exitCode == .done)
        let report = try Self.fy2024(city)
        let line = try #require(report.aiTasks.first { $0.task == "A01" })
        #expect(line.uses == 2 && !line.counted)
        #expect(line.reason.contains("本番稼働後の成功した利用 2 件（3 件に満たない）"), "\(line.reason)")
        #expect(line.reason.contains("処理量が 0 の利用 2 件"), "\(line.reason)")
        #expect(report.targets.first { $0.metric == "ai-tasks" }?.actual == 0)
        // Kept in the store with the file's rollups, so that verify's own reading agrees.
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }

    @Test func threeRealJobsCountWhateverTheEmptyOnes() throws {
        let city = try Self.city(realJobs: 3, emptyJobs: 2)
        defer { city.remove() }
        _ = try city.nightly()
        let line = try #require(try Self.fy2024(city).aiTasks.first { $0.task == "A01" })
        #expect(line.uses == 3 && line.counted)
        #expect(line.reason.contains("処理量が 0 の利用 2 件"), "\(line.reason)")
    }

    @Test func onlyEmptyJobsSupportedNothing() throws {
        let city = try Self.city(realJobs: 0, emptyJobs: 4)
        defer { city.remove() }
        _ = try city.nightly()
        let line = try #require(try Self.fy2024(city).aiTasks.first { $0.task == "A01" })
        #expect(line.uses == 0 && !line.counted)
        #expect(line.reason.hasPrefix("本番稼働後の成功した利用 4 件はいずれも処理量が 0"), "\(line.reason)")
    }
}

extension EmptyAIUsesTests {
    /// A set made before `[ai_tasks] minimum_uses` changed states other AI counts: verify names it outdated by that setting,
    /// not edited after it was written (helper-149 #5).
    @Test func aSetMadeBeforeMinimumUsesChangedIsOutdatedNotEdited() throws {
        let city = try Self.city(realJobs: 3, emptyJobs: 0)
        defer { city.remove() }
        _ = try city.nightly()
        _ = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).run()
        let toml = city.root.appendingPathComponent("kouka.toml")
        try String(contentsOf: toml, encoding: .utf8).replacingOccurrences(of: "minimum_uses = 3", with: "minimum_uses = 4").write(to: toml, atomically: true, encoding: .utf8)
        let differences = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
        #expect(differences.contains { $0.kind == "written-report-outdated" && $0.field == "aiTasksMinimumUses" }, "\(differences)")
        #expect(differences.allSatisfy { $0.kind == "written-report-outdated" }, "\(differences.filter { $0.kind != "written-report-outdated" })")
    }
}

extension EmptyAIUsesTests {
    /// A set of 0.5.12 states no minimum uses: no setting changed, and no figure differs for it (helper-155 #3: every set
    /// of 0.5.12 named as differing after the upgrade); a set of 0.5.13 or later that states none had it taken out.
    @Test func aSetOfAnEarlierVersionStatesNoMinimumUses() throws {
        var store = ReportComparisonFastPathTests.report(runs: 1)
        store.aiTasksMinimumUses = 3
        let old: [String: Any] = ["koukaVersion": "0.5.12"], current: [String: Any] = ["koukaVersion": "0.5.13"]
        #expect(!WrittenReportSettings.changed(old, store: store).contains { $0.name == "aiTasksMinimumUses" })
        #expect(WrittenReportSettings.changed(current, store: store).contains { $0.name == "aiTasksMinimumUses" && $0.found == "none" })
        var written = store
        written.aiTasksMinimumUses = nil
        #expect(try ReportComparison.differences(found: written, expected: store).isEmpty)
    }
}
