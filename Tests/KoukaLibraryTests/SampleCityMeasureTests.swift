import Foundation
import Kouka
import Testing

/// `Kouka.measure` on the sample city's logs gives the hours `SampleLogs/generate.py` computed on its own from the
/// runs it wrote (`expected-hours.json`), as `kouka-report` does (`SampleCityTests`).
@Suite struct SampleCityMeasureTests {
    static let sampleLogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleLogs").standardizedFileURL

    struct Expected: Decodable {
        var rpaHoursByFiscalYear: [String: Double]
        var hoursByTask: [String: [String: Double]]
        var aiTasksByFiscalYear: [String: [String]]
    }

    @Test(arguments: [2021, 2024])
    func measureAgreesWithTheGeneratorsOwnCalculation(fiscalYear: Int) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.sampleLogs.appendingPathComponent("expected-hours.json")))
        let configuration = Self.sampleLogs.appendingPathComponent("kouka.toml").path
        let logs = try LogFile.all(inConfiguration: configuration)
        #expect(logs.count > 10)
        let figures = try Kouka.measure(
            logs: logs, catalog: Self.sampleLogs.appendingPathComponent("catalog.csv").path, fiscalYear: fiscalYear,
            timeZone: TimeZone(identifier: "Asia/Tokyo")!, rules: try MeasureRules(configuration: configuration),
            now: ISO8601DateFormatter().date(from: "2026-11-27T12:00:00+09:00")!)
        let year = String(fiscalYear)
        #expect(abs(figures.rpaHoursSaved - expected.rpaHoursByFiscalYear[year]!) < 0.005)
        let lines = Dictionary(grouping: figures.tasks, by: \.task)
        let byTask = lines.mapValues { $0.reduce(0) { $0 + $1.hoursSaved } }
        #expect(Set(byTask.keys) == Set(expected.hoursByTask[year]!.keys))
        for (task, hours) in expected.hoursByTask[year]! {
            #expect(abs((byTask[task] ?? -1) - hours) <= 0.005 * Double(lines[task]?.count ?? 1) + 1e-9, "FY\(year) \(task)")
        }
        #expect(figures.aiSupportedTasks == expected.aiTasksByFiscalYear[year])
        #expect(figures.sources.allSatisfy { $0.sha256.count == 64 })
    }
}
