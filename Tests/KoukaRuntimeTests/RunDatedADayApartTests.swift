import Foundation
@testable import Kouka
import Testing

/// One run, by its task and id, counts once even where two exports date it a day apart (helper-74's
/// run_id_other_day_counted_twice.sh): a minutes session whose date was corrected across midnight, a translation
/// request one export gives in UTC and another, re-saved by Excel without its `Z`, in local time. Both counted it, in
/// FY2024 and in FY2025, with exit 0.
@Suite struct RunDatedADayApartTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        X1,会議録,議会事務局,minutes,audio-minutes,4,1,0,2020-04-01,本会議
        X2,翻訳,国際交流課,translation,characters,60,10,0,2020-04-01,AI翻訳

        """
    static let sources = """
        [[source]]
        format = "minutes-session-csv"
        path = "min/sessions_*"
        [source.columns]
        meeting = "会議名"
        time = "開催日時"
        audio_minutes = "音声時間（分）"
        run_id = "セッションID"
        [[source]]
        format = "translation-usage"
        path = "tr/requests_*"
        [source.columns]
        time = "time"
        task = "doctype"
        characters = "chars"
        run_id = "request_id"

        """

    @Test func aRunTwoExportsDateADayApartCountsOnce() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.sources)
        defer { city.remove() }
        try city.write("min/sessions_2025-03.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-03-31 23:30,120,S1\n")
        try city.write("tr/requests_2025-04.jsonl", #"{"time":"2025-03-31T15:30:00Z","doctype":"AI翻訳","chars":3000,"request_id":"Q1"}"# + "\n")
        let night = LocalDate(year: 2025, month: 4, day: 10)
        let configuration = try Configuration.load(path: city.configPath)
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: night)).run()
        try city.write("min/sessions_2025-04.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-04-01 00:30,120,S1\n")
        try city.write("tr/requests_2025-03.csv", "time,doctype,chars,request_id\n2025/3/31 15:30,AI翻訳,3000,Q1\n")
        let second = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: night.adding(days: 1))).run()
        #expect(second.rowsRepeated == 2, "each export read second leaves its run out as counted in the first")
        let years = try [2024, 2025].map { year in
            try ReportJob(configuration: configuration, fiscalYear: FiscalYear(year), logger: .silent).build()
        }
        // S1 on 2025-03-31 (FY2024, as first read); Q1 at 2025-04-01 00:30 JST (FY2025, as first read).
        #expect(years.map { $0.tasks.filter { $0.task == "X1" }.map(\.successes) } == [[1], []])
        #expect(years.map { $0.tasks.filter { $0.task == "X2" }.map(\.successes) } == [[], [1]])
    }
}
