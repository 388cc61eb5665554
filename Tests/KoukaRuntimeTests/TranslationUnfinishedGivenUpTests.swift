import Foundation
@testable import Kouka
import Testing

/// A translation request a JSON-lines export shows still running past `pending_max_hours` counts as unfinished; deleted,
/// that export gives the request up to a later export holding it ended, as a CSV export does (helper-74's AI fuzzer, seed
/// 3202: the JSON lines kept no row of it to give up, and every night named the deleted export until it was put back, the
/// request a failure meanwhile).
@Suite struct TranslationUnfinishedGivenUpTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        X2,翻訳,国際交流課,translation,characters,60,10,0,2020-04-01,AI翻訳

        """
    static let source = """
        [[source]]
        format = "translation-usage"
        path = "tr/requests_*"
        [source.columns]
        time = "time"
        task = "doctype"
        characters = "chars"
        run_id = "request_id"
        status = "state"
        [source.values]
        success = ["done"]
        failure = ["error"]
        unfinished = ["running"]

        """

    static func line(_ id: String, _ state: String) -> String {
        #"{"time":"2025-05-01T10:00:00+09:00","doctype":"AI翻訳","chars":2000,"request_id":"\#(id)","state":"\#(state)"}"# + "\n"
    }

    @Test func aDeletedJSONLinesExportGivesUpARequestALaterOneHoldsEnded() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        let configuration = try Configuration.load(path: city.configPath)
        try city.write("tr/requests_005.jsonl", Self.line("Q1", "running") + Self.line("Q2", "done"))
        let first = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: LocalDate(year: 2025, month: 5, day: 10))).run()
        #expect(first.runsUnfinished == 1, "past pending_max_hours: unfinished")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("tr/requests_005.jsonl"))
        try city.write("tr/requests_009.jsonl", Self.line("Q1", "done") + Self.line("Q2", "done"))
        let second = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: LocalDate(year: 2025, month: 5, day: 11))).run()
        #expect(second.unfinishedRunsEndedElsewhere.isEmpty, "\(second.unfinishedRunsEndedElsewhere)")
        #expect(second.runsGivenUp.count == 1)
        let report = try ReportJob(configuration: configuration, fiscalYear: FiscalYear(2025), logger: .silent).build()
        // Q1 and Q2 ended: 2 × 2,000 characters × (60 − 10) min per 1,000 = 200 min.
        #expect(report.tasks.map(\.successes) == [2])
        #expect(report.tasks.map(\.failures) == [0])
        #expect(report.hoursSaved.total == 3.33)
    }
}
