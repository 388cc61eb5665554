import Foundation
@testable import Kouka
import Testing

/// One run, by its task and id, counts once even where two exports date it a day apart (helper-74's
/// run_id_other_day_counted_twice.sh): a minutes session whose date was corrected across midnight, a translation
/// request one export gives in UTC and another, re-saved by Excel without its `Z`, in local time. Both counted it, in
/// FY2024 and in FY2025, with exit 0. Files are compared by the runs of their edge days (`RunDayEdges`), so that a run id
/// numbering each monthly export's own rows (helper-76's review of 991b457, which compared the files a day apart whole and
/// took June's runs for May's) still counts every run.
@Suite struct RunDatedADayApartTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        X1,会議録,議会事務局,minutes,audio-minutes,4,1,0,2020-04-01,本会議
        X2,翻訳,国際交流課,translation,characters,60,10,0,2020-04-01,AI翻訳
        R1,受付入力,市民課,rpa,runs,30,5,0,2020-04-01,受付入力

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
    static let robotSource = """
        [[source]]
        format = "rpa-csv"
        path = "robo/*.csv"
        [source.columns]
        task = "robot"
        start = "start"
        status = "status"
        run_id = "no"
        [source.values]
        success = ["ok"]
        failure = ["ng"]

        """

    @Test func aRunTwoExportsDateADayApartCountsOnce() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.sources)
        defer { city.remove() }
        try city.write("min/sessions_2025-03.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-03-30 10:00,60,S0\n本会議,2025-03-31 23:30,120,S1\n")
        try city.write("tr/requests_2025-04.jsonl", #"{"time":"2025-03-31T15:30:00Z","doctype":"AI翻訳","chars":3000,"request_id":"Q1"}"# + "\n")
        let night = LocalDate(year: 2025, month: 4, day: 10)
        let configuration = try Configuration.load(path: city.configPath)
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: night)).run()
        try city.write("min/sessions_2025-04.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-04-01 00:30,120,S1\n本会議,2025-04-02 10:00,30,S2\n")
        try city.write("tr/requests_2025-03.csv", "time,doctype,chars,request_id\n2025/3/31 15:30,AI翻訳,3000,Q1\n")
        let second = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: night.adding(days: 1))).run()
        #expect(second.rowsRepeated == 2, "each export read second leaves its run out as counted in the first")
        #expect(second.exitCode == .doneWithFindings)
        let years = try [2024, 2025].map { year in
            try ReportJob(configuration: configuration, fiscalYear: FiscalYear(year), logger: .silent).build()
        }
        // S0 and S1 on 2025-03-30 and 31 (FY2024, as first read), S2 in FY2025; Q1 at 2025-04-01 00:30 JST (FY2025, as first read).
        #expect(years.map { $0.tasks.filter { $0.task == "X1" }.map(\.successes) } == [[2], [1]])
        #expect(years.map { $0.tasks.filter { $0.task == "X2" }.map(\.successes) } == [[], [1]])
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
        // The exports read first deleted (routine retention): verify gives them their edge days' runs as the store keeps
        // them, and agrees (helper-79's verify_gone_adjacent_rpa.sh named both files as changed behind Kouka's back).
        for name in ["min/sessions_2025-03.csv", "tr/requests_2025-04.jsonl"] {
            try city.delete(name)
        }
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: { var o = NightlyOptions(today: night.adding(days: 2)); o.acceptGone = true; return o }()).run()
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
    }

    /// A run id that numbers each monthly export's own rows: run 31 of May is May 31, run 1 of June is June 1, and the
    /// two are not one run (the same number a month apart is).
    @Test func aRunIDNumberingEachMonthsRowsCountsEveryRun() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.robotSource)
        defer { city.remove() }
        func month(_ month: Int, days: Int) -> String {
            "robot,start,status,no\n" + (1...days).map { "受付入力,2024/\(String(format: "%02d", month))/\(String(format: "%02d", $0)) 09:00:00,ok,\($0)" }.joined(separator: "\n") + "\n"
        }
        try city.write("robo/2024-05.csv", month(5, days: 31))
        _ = try city.night(on: LocalDate(year: 2024, month: 6, day: 1))
        try city.write("robo/2024-06.csv", month(6, days: 30))
        let june = try city.night(on: LocalDate(year: 2024, month: 7, day: 1))
        #expect(june.rowsRepeated == 0)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        // 61 runs × (30 − 5) min = 1,525 min = 25.42 h.
        #expect(report.tasks.map(\.successes) == [61])
        #expect(report.hoursSaved.total == 25.42)
    }

    /// The exports read the other way round: the later one first, then the earlier, whose last day's run the later holds
    /// on its first. The later export has a row of a day no run can be counted on (an empty Excel date reads 1899-12-30):
    /// rejected, it is no edge of the file's days (helper-79's edge_lost_by_out_of_window_row.sh counted S1 twice).
    @Test func theEarlierExportReadSecondLeavesTheRunOut() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.sources)
        defer { city.remove() }
        try city.write("min/sessions_2025-04.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-04-01 00:30,120,S1\n本会議,1899-12-30 00:00,10,S9\n")
        let first = try city.night(on: LocalDate(year: 2025, month: 4, day: 10))
        #expect(first.rowsRejected == 1)
        try city.write("min/sessions_2025-03.csv", "会議名,開催日時,音声時間（分）,セッションID\n本会議,2025-03-31 23:30,120,S1\n")
        let second = try city.night(on: LocalDate(year: 2025, month: 4, day: 11))
        #expect(second.rowsRepeated == 1)
        let years = try [2024, 2025].map { year in
            try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(year), logger: .silent).build()
        }
        #expect(years.map { $0.tasks.filter { $0.task == "X1" }.map(\.successes) } == [[], [1]])
    }

    /// Of two exports a day apart holding one run, the one recorded first keeps it, whichever counted it since: saved over
    /// without it, it gives the run to the other; put back, it takes the run again, as a reading in the order the files were
    /// first recorded (verification's) gives (helper-79's takeback_then_restored.sh: the run stayed in FY2025 where verify
    /// gave it to FY2024, and named the difference).
    @Test func anExportPutBackTakesTheRunBackFromTheDayAfter() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.robotSource)
        defer { city.remove() }
        let header = "robot,start,status,no\n"
        let withRun = header + "受付入力,2025/03/30 10:00,ok,70\n受付入力,2025/03/31 09:00,ok,71\n受付入力,2025/03/31 23:50,ok,77\n"
        try city.write("robo/a.csv", withRun)
        _ = try city.night(on: LocalDate(year: 2025, month: 4, day: 1))
        try city.write("robo/b.csv", header + "受付入力,2025/04/01 00:10,ok,77\n受付入力,2025/04/01 10:00,ok,78\n")
        #expect(try city.night(on: LocalDate(year: 2025, month: 4, day: 2)).rowsRepeated == 1)
        try city.write("robo/a.csv", header + "受付入力,2025/03/30 10:00,ok,70\n受付入力,2025/03/31 09:00,ok,71\n")
        let savedOver = try city.night(on: LocalDate(year: 2025, month: 4, day: 3))
        #expect(savedOver.filesReadForEndedRuns.map(\.path) == ["robo/b.csv"])
        try city.write("robo/a.csv", withRun)
        let putBack = try city.night(on: LocalDate(year: 2025, month: 4, day: 4))
        #expect(putBack.filesReadForEndedRuns.map(\.path) == ["robo/b.csv"], "\(putBack.filesReadForEndedRuns)")
        let configuration = try Configuration.load(path: city.configPath)
        let years = try [2024, 2025].map { try ReportJob(configuration: configuration, fiscalYear: FiscalYear($0), logger: .silent).build() }
        // 70, 71 and 77 in FY2024, as first read; 78 in FY2025.
        #expect(years.map { $0.tasks.map(\.successes) } == [[3], [1]])
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
    }

    /// Two exports whose days overlap date one run otherwise (23:23 on March 31 in one, 08:23 on April 1 in the other): the
    /// export recorded first, saved over with the run, takes it from the other, as verification's reading gives (helper-80's
    /// overlap_other_day_saved_over_verify.sh: the run stayed in FY2025, and verify gave it to FY2024).
    @Test func theExportRecordedFirstKeepsARunOverlappingExportsDateOtherwise() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.robotSource)
        defer { city.remove() }
        let header = "robot,start,status,no\n"
        try city.write("robo/a.csv", header + "受付入力,2025/03/30 10:00,ok,70\n受付入力,2025/04/01 09:00,ok,71\n")
        _ = try city.night(on: LocalDate(year: 2025, month: 4, day: 2))
        try city.write("robo/b.csv", header + "受付入力,2025/04/01 08:23,ng,75\n受付入力,2025/04/01 10:00,ok,80\n")
        _ = try city.night(on: LocalDate(year: 2025, month: 4, day: 3))
        try city.write("robo/a.csv", header + "受付入力,2025/03/30 10:00,ok,70\n受付入力,2025/03/31 23:23,ng,75\n受付入力,2025/04/01 09:00,ok,71\n")
        let savedOver = try city.night(on: LocalDate(year: 2025, month: 4, day: 4))
        #expect(savedOver.filesReadForEndedRuns.map(\.path) == ["robo/b.csv"], "\(savedOver.filesReadForEndedRuns)")
        let configuration = try Configuration.load(path: city.configPath)
        let years = try [2024, 2025].map { try ReportJob(configuration: configuration, fiscalYear: FiscalYear($0), logger: .silent).build() }
        #expect(years.map { $0.tasks.map(\.failures) } == [[1], [0]])
        #expect(years.map { $0.tasks.map(\.successes) } == [[1], [2]])
        #expect(try VerifyAudit(configuration: configuration).run().differences.isEmpty)
    }
}
