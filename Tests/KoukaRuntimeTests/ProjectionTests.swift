import Foundation
import Kouka
import Logging
import Testing

/// The year-to-date projection: seasonal from earlier years where there are any, else linear.
@Suite struct ProjectionTests {
    static let entry = CatalogEntry(taskID: "T", name: "T", department: "市民課", system: .rpa, unit: .runs,
                                    manualMinutesPerUnit: 70, residualMinutesPerUnit: 10, validFrom: LocalDate(year: 2020, month: 4, day: 1),
                                    patterns: ["T"], line: 2)

    /// A fiscal year's report with `runsPerMonth[i]` one-hour runs in its i-th month (April first).
    static func report(_ year: Int, runsPerMonth: [Int]) -> Built {
        let fiscalYear = FiscalYear(year)
        let rollups = runsPerMonth.enumerated().map { index, runs in
            let month = (3 + index) % 12 + 1
            let date = LocalDate(year: month >= 4 ? year : year + 1, month: month, day: 10)
            return DailyRollup(key: RollupKey(date: date, department: "", family: .rpa, taskName: "T", outcome: .success, unit: .runs),
                               totals: RollupTotals(events: runs, quantity: Double(runs), machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                               sourceID: 1)
        }
        return ReportBuilder.buildWithRPAMinutes(ReportInputs(
            period: .fiscalYear(fiscalYear), rollups: rollups, catalog: TaskCatalog(entries: [entry]), catalogPath: "c", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
    }

    typealias Built = (report: YearReport, rpaMinutes: RPAMinutesByMonth)

    static func project(_ current: Built, earlier: [Built], asOf: LocalDate, target: Double?) -> Projection? {
        ProjectionModel.project(current: current.report, currentMinutes: current.rpaMinutes,
                                earlier: Dictionary(uniqueKeysWithValues: earlier.map { (FiscalYear($0.report.fiscalYear), $0.rpaMinutes) }),
                                asOf: asOf, target: target)
    }

    @Test func seasonalFromTheSameMonthsOfEarlierYears() throws {
        // FY2023: 10 h a month. FY2024 to September 30: 20 h a month, 120 h. Earlier years did 60 of
        // their 120 h by then, so the year should end at 120 × 120 / 60 = 240 h.
        let earlier = Self.report(2023, runsPerMonth: Array(repeating: 10, count: 12))
        let current = Self.report(2024, runsPerMonth: Array(repeating: 20, count: 6) + Array(repeating: 0, count: 6))
        let projection = try #require(Self.project(current, earlier: [earlier], asOf: LocalDate(year: 2024, month: 9, day: 30), target: 200))
        #expect(projection.method == "seasonal")
        #expect(projection.rpaHoursToDate == 120)
        #expect(projection.projectedRPAHours == 240)
        #expect(projection.onTrack == true)
    }

    @Test func linearWhenNoEarlierYearHasFigures() throws {
        let current = Self.report(2024, runsPerMonth: Array(repeating: 20, count: 6) + Array(repeating: 0, count: 6))
        let empty = Self.report(2023, runsPerMonth: Array(repeating: 0, count: 12))
        let projection = try #require(Self.project(current, earlier: [empty], asOf: LocalDate(year: 2024, month: 9, day: 30), target: 2500))
        // 120 h in the 183 days from April 1 to September 30, of 365: 120 × 365 / 183 = 239.34 h.
        #expect(projection.method == "linear")
        #expect(projection.projectedRPAHours == 239.34)
        #expect(projection.onTrack == false)
    }

    /// A fiscal year's report with one one-hour run on each day from `first` to `last` inclusive.
    static func daily(_ year: Int, from first: LocalDate, to last: LocalDate) -> Built {
        let rollups = (first.daysSinceEpoch...last.daysSinceEpoch).map { day in
            DailyRollup(key: RollupKey(date: LocalDate(daysSinceEpoch: day), department: "", family: .rpa, taskName: "T", outcome: .success, unit: .runs),
                        totals: RollupTotals(events: 1, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        }
        return ReportBuilder.buildWithRPAMinutes(ReportInputs(
            period: .fiscalYear(FiscalYear(year)), rollups: rollups, catalog: TaskCatalog(entries: [entry]), catalogPath: "c", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
    }

    @Test func anEarlierYearThatStartedMidYearIsNotUsed() throws {
        // One 1-hour run a day: FY2024 only from 2025-01-01 (Jan–Mar, 90 h), all of FY2025 (365 h), and FY2026 from
        // 2026-04-01 to 11-30 (244 days, 244 h). FY2024 has no April–November hours: it would add its 90 h to the
        // full years but nothing to the same part, giving 244 × (365 + 90) / 244 = 455 h. Right: FY2025 alone,
        // 244 × 365 / 244 = 365 h, not on track for a 400 h target.
        let fy2024 = Self.daily(2024, from: LocalDate(year: 2025, month: 1, day: 1), to: LocalDate(year: 2025, month: 3, day: 31))
        let fy2025 = Self.daily(2025, from: LocalDate(year: 2025, month: 4, day: 1), to: LocalDate(year: 2026, month: 3, day: 31))
        let fy2026 = Self.daily(2026, from: LocalDate(year: 2026, month: 4, day: 1), to: LocalDate(year: 2026, month: 11, day: 30))
        let projection = try #require(Self.project(fy2026, earlier: [fy2025, fy2024], asOf: LocalDate(year: 2026, month: 11, day: 30),
                                                              target: 400))
        #expect(projection.rpaHoursToDate == 244)
        #expect(projection.method == "seasonal")
        #expect(projection.yearsUsed == [2025])
        #expect(projection.projectedRPAHours == 365)
        #expect(projection.onTrack == false)
        #expect(projection.basis.contains("FY2025") && !projection.basis.contains("FY2024"))
    }

    /// Rounded once, as every figure: from the unrounded minutes to date, not from the hours to date as shown.
    @Test func projectedFromUnroundedMinutes() throws {
        // One run of a task saving 10.3 min on April 1: 0.171666… h to date, shown as 0.17. Linear, day 1 of 366
        // (FY2023 has February 29, 2024): 10.3 × 366 / 60 = 62.83 h; from the shown 0.17 h it would be 62.22 h.
        let entry = CatalogEntry(taskID: "T", name: "T", department: "市民課", system: .rpa, unit: .runs, manualMinutesPerUnit: 10.3,
                                 residualMinutesPerUnit: 0, validFrom: LocalDate(year: 2020, month: 4, day: 1), patterns: ["T"], line: 2)
        let rollup = DailyRollup(key: RollupKey(date: LocalDate(year: 2023, month: 4, day: 1), department: "", family: .rpa, taskName: "T",
                                                outcome: .success, unit: .runs),
                                 totals: RollupTotals(events: 1, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        let current = ReportBuilder.buildWithRPAMinutes(ReportInputs(
            period: .fiscalYear(FiscalYear(2023)), rollups: [rollup], catalog: TaskCatalog(entries: [entry]), catalogPath: "c", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
        let projection = try #require(Self.project(current, earlier: [], asOf: LocalDate(year: 2023, month: 4, day: 1), target: 1200))
        #expect(projection.method == "linear")
        #expect(projection.rpaHoursToDate == 0.17)
        #expect(projection.projectedRPAHours == 62.83)
    }

    /// No record of the robots yet in the year under way: its figure is 記録なし, and no 0.00 h is projected from it
    /// (helper-85: 見込み 0.00 and 未達成の見込み beside 記録なし). One run, and there is a projection again.
    @Test func aYearUnderWayWithNoRecordHasNoProjection() throws {
        let earlier = Self.report(2023, runsPerMonth: Array(repeating: 10, count: 12))
        let nothing = ReportBuilder.buildWithRPAMinutes(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)), rollups: [], catalog: TaskCatalog(entries: [Self.entry]), catalogPath: "c", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
        #expect(Self.project(nothing, earlier: [earlier], asOf: LocalDate(year: 2024, month: 4, day: 9), target: 3000) == nil)
        let one = Self.daily(2024, from: LocalDate(year: 2024, month: 4, day: 9), to: LocalDate(year: 2024, month: 4, day: 9))
        #expect(Self.project(one, earlier: [earlier], asOf: LocalDate(year: 2024, month: 4, day: 9), target: 3000) != nil)
    }

    @Test func aYearThatIsNotUnderWayHasNoProjection() {
        let report = Self.report(2023, runsPerMonth: Array(repeating: 10, count: 12))
        #expect(Self.project(report, earlier: [], asOf: LocalDate(year: 2024, month: 9, day: 30), target: 1) == nil)
    }
}

/// The projection of a report is as of the store's last complete day: the day before the report, or before
/// the last nightly run if the store has not been read since; a run of a later day the nightly run read already
/// (its log of that morning) is not yet in the hours to date.
@Suite struct ProjectionAsOfStoreTests {
    @Test func aStoreNotReadForSomeNightsIsProjectedAsOfItsLastNight() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        // One run on each of 2026-04-01 and 04-02 (2.75 h each), and one at 01:00 on 04-03, the morning the
        // nightly run reads at 02:00.
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/04/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2026/04/02 09:00:00"),
            TemporaryCity.winActorRow("t3", "住民税_課税資料取込", "FINISH", "2026/04/03 01:00:00"),
        ]), encoding: .shiftJIS)
        let night = LocalDate(year: 2026, month: 4, day: 3)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: night, now: LocalClock.tokyo.instant(of: night, hour: 2, minute: 0, second: 0))).run()
        // Made on April 10 with no nightly run since April 3: as of April 2, 2 runs = 5.5 h in 2 days of 365,
        // so 5.5 × 365 / 2 = 1,003.75 h (the April 3 run, and a week of days with no figures yet, would make
        // it 8.25 × 365 / 9 = 334.58 h), and the April 3 run the year's figure counts, 2.75 h, added: 1,006.50 h.
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2026)),
                                    generatedAt: LocalClock.tokyo.instant(of: LocalDate(year: 2026, month: 4, day: 10), hour: 5, minute: 0, second: 0))
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
        let projection = try #require(report.projection)
        #expect(projection.asOf == "2026-04-02")
        #expect(projection.rpaHoursToDate == 5.5)
        #expect(projection.projectedRPAHours == 1006.5)
        #expect(projection.basis.hasSuffix("基準日より後の記録 2.75 時間（基準日の翌日の夜間バッチなど）を加える"))
        #expect(report.hoursSaved.bySystem["rpa"] == 8.25, "the year's own figures still hold every run")
    }

    /// helper-99 #3: a robot's night batch of the report's own day (01:00, read by the 02:00 nightly run) counts in the year's
    /// figure, which met its 5 h target, while the projection as of the day before left it out: 2.75 × 365 / 353 = 2.84 h,
    /// 未達成の見込み, below the 5.50 h the same report counted. Right: the batch's 2.75 h added, 5.59 h, on track.
    @Test func theProjectionIsNeverBelowTheHoursTheReportCounts() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource + "\n[targets.2026]\nrpa_hours = 5\n")
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/04/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2027/03/20 01:00:00"),
        ]), encoding: .shiftJIS)
        let night = LocalDate(year: 2027, month: 3, day: 20)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: night, now: LocalClock.tokyo.instant(of: night, hour: 2, minute: 0, second: 0))).run()
        let options = ReportOptions(period: .fiscalYear(FiscalYear(2026)), generatedAt: LocalClock.tokyo.instant(of: night, hour: 5, minute: 0, second: 0))
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build()
        let projection = try #require(report.projection)
        #expect(projection.asOf == "2027-03-19")
        #expect(projection.rpaHoursToDate == 2.75)
        let rpa = try #require(report.targets.first { $0.metric == "rpa-hours" })
        #expect(rpa.actual == 5.5 && rpa.met)
        #expect(projection.projectedRPAHours == 5.59)
        #expect(projection.onTrack == true)
    }
}

/// docs/figures.md: a month's report projects its fiscal year as of the month's end while the year is under way, and
/// gives no projection once the year is over: its actual figure is known.
@Suite struct MonthProjectionTests {
    func monthReport(nightOn night: LocalDate) throws -> YearToDate? {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/05/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2026/05/02 09:00:00"),
        ]), encoding: .shiftJIS)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                           options: NightlyOptions(today: night, now: LocalClock.tokyo.instant(of: night, hour: 2, minute: 0, second: 0))).run()
        let options = ReportOptions(period: .month(year: 2026, month: 5), generatedAt: LocalClock.tokyo.instant(of: night, hour: 5, minute: 0, second: 0))
        return try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build().yearToDate
    }

    @Test func aMonthOfTheYearUnderWayIsProjected() throws {
        let ytd = try #require(try monthReport(nightOn: LocalDate(year: 2026, month: 6, day: 3)))
        // 2 × 2.75 h by May 31, day 61 of 365, linear: 5.5 × 365 / 61 = 32.91 h.
        #expect(ytd.projection?.asOf == "2026-05-31")
        #expect(ytd.projection?.projectedRPAHours == 32.91)
    }

    @Test func aMonthOfAYearThatIsOverIsNotProjected() throws {
        let ytd = try #require(try monthReport(nightOn: LocalDate(year: 2027, month: 4, day: 10)))
        #expect(ytd.through == "2026-05-31")
        #expect(ytd.projection == nil)
    }
}
