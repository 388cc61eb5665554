import Foundation
@testable import Kouka
import Testing

/// A DeepL answer saved over by the next period's: the loss of its earlier period is noted with the file's commit, as every
/// loss is, so that a run killed before its end leaves it for the next run to state (helper-141: held in memory only, and a
/// killed run's period lost without a word).
struct PeriodLossKeptWithCommitTests {
    @Test func aPeriodNoLongerHeldIsNotedOnceTheFileIsRecorded() throws {
        let city = try TemporaryCity(catalog: """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            A07,AI翻訳,国際交流課,translation,characters,60,10,2020-04-01,DeepL

            """, sources: "[[source]]\nformat = \"deepl-usage\"\npath = \"logs/*.json\"\ntask = \"DeepL\"\n")
        defer { city.remove() }
        func snapshot(_ characters: Int, _ start: String, _ end: String) -> String {
            #"{"character_count": \#(characters), "character_limit": 1000000, "start_time": "\#(start)T00:00:00Z", "end_time": "\#(end)T00:00:00Z"}"#
        }
        try city.write("logs/usage.json", snapshot(8_000, "2025-03-01", "2025-04-01"))
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions()).run()
        Thread.sleep(forTimeInterval: 1.1)
        try city.write("logs/usage.json", snapshot(300, "2025-04-01", "2025-05-01"))
        var options = NightlyOptions()
        let noted = Locked<[(path: String, reason: String)]>([])
        options.fileObserver = { index, store in
            guard let run = store.jobRunID else { return }
            do { let found = try store.lossNotices(writtenBy: [run]).map { ($0.path, $0.reason) }; noted.update { $0 = found } } catch { noted.update { $0 = [("unreadable", "\(error)")] } }
        }
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(summary.filesLosingRuns.map(\.path) == ["logs/usage.json"])
        #expect(noted.value.map(\.path) == ["logs/usage.json"], "\(noted.value)")
        #expect(noted.value.first?.reason.contains("billing period(s) it counted (DeepL from 2025-03-01)") == true)
    }
}
