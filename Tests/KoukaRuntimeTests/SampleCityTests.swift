import Foundation
import Kouka
import Logging
import Testing

/// The sample city's logs, ingested and reported by Kouka, must give the hours that
/// `SampleLogs/generate.py` computed on its own from the runs it wrote (`expected-hours.json`).
@Suite struct SampleCityTests {
    static let sampleLogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleLogs").standardizedFileURL

    struct Expected: Decodable {
        var rpaHoursByFiscalYear: [String: Double]
        var hoursByTask: [String: [String: Double]]
        var aiTasksByFiscalYear: [String: [String]]
    }

    @Test func reportsAgreeWithTheGeneratorsOwnCalculation() throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.sampleLogs.appendingPathComponent("expected-hours.json")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = try Configuration.load(path: Self.sampleLogs.appendingPathComponent("kouka.toml").path)
        configuration.databasePath = folder.appendingPathComponent("kouka.sqlite").path
        configuration.outputPath = folder.appendingPathComponent("reports").path
        let logger = Logger.silent

        let summary = try NightlyJob(configuration: configuration, logger: logger, options: NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))).run()
        // The samples hold one broken row (line 13 of the BizRobo! export) and three unmapped names on purpose.
        #expect(summary.rowsRejected == 1)
        #expect(summary.rejections.first?.file == "bizrobo/bizrobo_runs.csv")
        #expect(summary.rejections.first?.line == 13)
        #expect(Set(summary.unmapped.map(\.name)) == ["テスト用シナリオ", "Sandbox_動作確認", "旧_住基照会バッチ"])
        // The one PROCESSING row (March 2025) is long past the allowed age: a failure, not a pending run.
        #expect(summary.pendingRuns == 0)
        #expect(summary.exitCode == .doneWithFindings)

        for (year, hours) in expected.rpaHoursByFiscalYear {
            let report = try ReportJob(configuration: configuration, fiscalYear: FiscalYear(Int(year)!), logger: logger).build()
            #expect(abs(report.hoursSaved.bySystem["rpa"]! - hours) < 0.005, "FY\(year)")
            // A task two systems support has a line for each, each rounded to 0.01 h: their sum is within
            // 0.005 h a line of the task's own total.
            let lines = Dictionary(grouping: report.tasks, by: \.task)
            let byTask = lines.mapValues { $0.reduce(0) { $0 + $1.hoursSaved } }
            for (task, taskHours) in expected.hoursByTask[year]! {
                #expect(abs((byTask[task] ?? -1) - taskHours) <= 0.005 * Double(lines[task]?.count ?? 1) + 1e-9, "FY\(year) \(task)")
            }
            #expect(Set(byTask.keys) == Set(expected.hoursByTask[year]!.keys), "FY\(year): the same tasks")
            #expect(report.aiTasks.filter(\.counted).map(\.task) == expected.aiTasksByFiscalYear[year], "FY\(year) AI tasks")
            let aiTarget = report.targets.first { $0.metric == "ai-tasks" }
            #expect(aiTarget?.actual == Double(expected.aiTasksByFiscalYear[year]!.count))
        }
    }
}
