import Foundation
import Kouka
import Logging
import Testing

@Suite struct NightlyJobTests {
    let logger = Logger.silent
    let today = LocalDate(year: 2026, month: 11, day: 27)

    func run(_ city: TemporaryCity) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: logger, options: NightlyOptions(today: today)).run()
    }

    func report(_ city: TemporaryCity, _ year: Int) throws -> YearReport {
        // A fixed generation time: reports are compared byte for byte.
        try ReportJob(configuration: Configuration.load(path: city.configPath),
                      options: ReportOptions(period: .fiscalYear(FiscalYear(year)), generatedAt: Date(timeIntervalSince1970: 1_744_228_800)),
                      logger: logger).build()
    }

    @Test func aSecondRunOverTheSameFilesChangesNothing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "ERROR", "2024/05/02 09:00:00"),
        ]), encoding: .shiftJIS)
        let first = try run(city)
        #expect(first.filesRead == 1)
        #expect(first.exitCode == .done)
        let before = try report(city, 2024)
        let second = try run(city)
        #expect(second.filesRead == 0)
        #expect(second.filesUnchanged == 1)
        #expect(second.rowsRead == 0)
        #expect(try report(city, 2024) == before)
        // One success saves 180 − 15 = 165 min; one failure costs 30 min of rework: 135 min = 2.25 h.
        #expect(before.hoursSaved.total == 2.25)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.jobRuns().count == 2)
    }

    @Test func aRewrittenFileReplacesItsOwnContribution() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let rows = (1...3).map { TemporaryCity.winActorRow("t\($0)", "転入届入力", "FINISH", "2022/06/0\($0) 10:00:00") }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV(rows), encoding: .shiftJIS)
        _ = try run(city)
        #expect(try report(city, 2022).tasks.first?.successes == 3)
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV(Array(rows.prefix(2))), encoding: .shiftJIS)
        let summary = try run(city)
        #expect(summary.filesRead == 1)
        let after = try report(city, 2022)
        #expect(after.tasks.first?.successes == 2)
        // 2 runs × (60 − 6) min = 108 min = 1.8 h: the old three runs are gone, not added to.
        #expect(after.hoursSaved.total == 1.8)
    }

    @Test func aMalformedRowIsReportedWithItsLineAndTheRestIsCounted() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2022/06/01 10:00:00"),
            TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2022/06/31 10:00:00"),
            TemporaryCity.winActorRow("t3", "転入届入力", "FINISH", "2022/06/02 10:00:00"),
        ]), encoding: .shiftJIS)
        let summary = try run(city)
        #expect(summary.rowsRead == 3)
        #expect(summary.rowsRejected == 1)
        #expect(summary.rejections == [Rejection(file: "logs/tasks.csv", line: 3, reason: "column 開始日時 is not a date-time: 2022/06/31 10:00:00")])
        #expect(summary.exitCode == .doneWithFindings)
        #expect(try report(city, 2022).tasks.first?.successes == 2)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.rejections().map(\.line) == [3])
    }

    @Test func runsBelongToTheFiscalYearOfTheirLocalStartDate() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource + """

            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.flows"
            """)
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            // 23:50 on March 31, local time: FY2021 even though it ends in April.
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2022/03/31 23:50:00", seconds: 3000),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2022/04/01 00:10:00"),
        ]), encoding: .shiftJIS)
        try city.write("logs/runs.flows", """
            flowsessionid,name,startedon,completedon,runduration,statuscode
            a,転入届入力,2023-03-31T14:50:00Z,2023-03-31T15:00:00Z,600,4
            b,転入届入力,2023-03-31T15:10:00Z,2023-03-31T15:20:00Z,600,4

            """)
        _ = try run(city)
        #expect(try report(city, 2021).hoursSaved.total == 2.75)   // 165 min
        #expect(try report(city, 2022).hoursSaved.total == 3.65)   // 165 + 54 min: 14:50Z is 23:50 JST on March 31
        // 15:10Z on March 31 is 00:10 JST on April 1, 2023: FY2023, where T02's second baseline (60 − 10) applies.
        let fy2023 = try report(city, 2023)
        #expect(fy2023.hoursSaved.total == 0.83)
        #expect(fy2023.catalog.rows.map(\.line) == [4])
    }

    @Test func aFileOfAnotherFormatIsRejectedWholeAndNothingOfItCounts() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/wrong.csv", "date,robot,result\r\n2024/05/01,住民税_課税資料取込,ok\r\n")
        let summary = try run(city)
        #expect(summary.filesRejected.map(\.path) == ["logs/wrong.csv"])
        #expect(summary.exitCode == .doneWithFindings)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.rollups(from: LocalDate(year: 2000, month: 1, day: 1), to: LocalDate(year: 2100, month: 1, day: 1)).isEmpty)
        #expect(try store.sources().first?.status == .rejected)
    }

    @Test func namesTheCatalogDoesNotMapAreCountedAndListed() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "テスト用シナリオ", "FINISH", "2024/05/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "テスト用シナリオ", "FINISH", "2024/05/02 09:00:00"),
        ]), encoding: .shiftJIS)
        let summary = try run(city)
        #expect(summary.unmapped == [.init(system: "rpa", name: "テスト用シナリオ", runs: 2)])
        #expect(summary.exitCode == .doneWithFindings)
        let report = try report(city, 2024)
        #expect(report.unmapped.map(\.name) == ["テスト用シナリオ"])
        #expect(report.unmapped.first?.runs == 2)
        #expect(report.exclusions.unmappedRuns == 2)
        #expect(report.hoursSaved.total == 0)
    }
}
