import Foundation
@testable import Kouka
import Testing

/// Verification keeps every rollup of a store once (`ReportContext.keepingEveryRollup`) and builds every year's report
/// from them: each report must be the one read period by period from the store, to the last field.
@Suite struct KeptRollupsTests {
    @Test func reportsFromKeptRollupsAreTheStoresReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The sample city, with a DeepL Free account's snapshots beside its Pro account's: running totals of periods
        // whose start is not known, which a period's reading takes also from outside its days.
        let city = folder.appendingPathComponent("city")
        try FileManager.default.copyItem(at: SampleCityTests.sampleLogs, to: city)
        let free = city.appendingPathComponent("translation/free")
        try FileManager.default.createDirectory(at: free, withIntermediateDirectories: true)
        try #"{"character_count": 1200, "character_limit": 500000}"#.write(to: free.appendingPathComponent("usage_2024-07-09.json"), atomically: true, encoding: .utf8)
        try #"{"character_count": 2500, "character_limit": 500000}"#.write(to: free.appendingPathComponent("usage_2024-08-09.json"), atomically: true, encoding: .utf8)
        let toml = city.appendingPathComponent("kouka.toml")
        try (try String(contentsOf: toml, encoding: .utf8) + "\n[[source]]\nformat = \"deepl-usage\"\npath = \"translation/free/usage_*.json\"\ntask = \"DeepL\"\n")
            .write(to: toml, atomically: true, encoding: .utf8)
        var configuration = try Configuration.load(path: toml.path)
        configuration.databasePath = folder.appendingPathComponent("kouka.sqlite").path
        configuration.outputPath = folder.appendingPathComponent("reports").path
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))).run()
        let periods: [ReportPeriod] = (2020...2025).map { .fiscalYear(FiscalYear($0)) } + [.month(year: 2025, month: 1), .month(year: 2024, month: 4)]
        let fromStore = try ReportContext.reading(configuration: configuration) { context in
            try periods.map { try context.report($0, generatedAt: "", previous: nil) }
        }
        let (kept, fromKept) = try ReportContext.reading(configuration: configuration) { context in
            (try context.keepingEveryRollup(), try periods.map { try context.report($0, generatedAt: "", previous: nil) })
        }
        // The sample city has what the period's reading treats apart: DeepL running totals of periods whose start is
        // not known (kept also from outside a period), and quality counts (read only for the period's days).
        #expect(kept.contains { $0.key.undatedPeriod })
        #expect(kept.contains { !$0.totals.quality.isEmpty })
        for (store, fromRollups) in zip(fromStore, fromKept) {
            #expect(store == fromRollups, "\(store.period)")
        }
        #expect(fromStore.contains { $0.hoursSaved.total > 0 })
    }

    /// Verification adds up the years of the logs read again two at a time on both cores (`addingUpOnBothCores`): the sums it
    /// keeps must be the very ones the years' reports then use, not added up again, and give the reports added up one by one.
    @Test func yearsAddedUpOnBothCoresAreTheYearsAddedUpOneByOne() throws {
        let folder = try Self.folder("cores")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A year under way as of the store's day, so that a year before is cut at the same day a year earlier.
        let today = LocalDate(year: 2024, month: 11, day: 27)
        let configuration = try Self.sampleCity(in: folder, today: today)
        let years = (2020...2025).map(FiscalYear.init)
        // Read period by period from the store, FY2025's year before is read up to a day before it starts: no rollups of its days.
        let fromStore = try ReportContext.reading(configuration: configuration, today: today) { context in
            try years.map { try context.yearReportComparedWithTheYearBefore($0) }
        }
        let oneByOne = try ReportContext.reading(configuration: configuration, today: today) { context in
            _ = try context.keepingEveryRollup()
            return try years.map { try context.yearReportComparedWithTheYearBefore($0) }
        }
        let (added, keysUsed, bothCores) = try ReportContext.reading(configuration: configuration, today: today) { context in
            _ = try context.keepingEveryRollup()
            try context.addingUpOnBothCores(years: years, generatedAt: "")
            let added = Set(context.built.fromRollups.keys)
            let reports = try years.map { try context.yearReportComparedWithTheYearBefore($0) }
            return (added, Set(context.built.fromRollups.keys), reports)
        }
        #expect(added.count > years.count, "each year and the years before it, one cut at a day")
        #expect(added.contains { $0.rollupsThrough < $0.period.lastDay }, "a year before cut at the same day a year earlier")
        #expect(added.contains { $0.rollupsThrough < $0.period.firstDay }, "FY2024 cut at 2023-11-26, for FY2025 (after the store's day)")
        #expect(keysUsed == added, "the reports used the sums added up, and added none up again")
        #expect(bothCores == oneByOne)
        #expect(oneByOne == fromStore, "kept rollups give what the store gives, a period cut before its first day too")
        // kouka-report asked for the year after the store's day, as read once: it stopped the process (a range ending before it began).
        var job = ReportJob(configuration: configuration, options: ReportOptions(period: .fiscalYear(FiscalYear(2025)), outputFolder: folder.path,
                                                                                 generatedAt: Date(timeIntervalSince1970: 1_795_000_000), today: today), logger: .silent)
        let once = try job.build()
        job.readsRollupsOnce = false
        #expect(try job.build() == once)
        #expect(oneByOne.contains { $0.hoursSaved.total > 0 })
    }

    /// `kouka-report` reads the rollups once for its year, the year before, the review's years, the projection and
    /// the policy period: its whole report must be the one built reading each period from the store.
    @Test func aReportJobReadingRollupsOnceWritesTheSameReport() throws {
        let folder = try Self.folder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let today = LocalDate(year: 2026, month: 11, day: 27)
        let configuration = try Self.sampleCity(in: folder, today: today)
        let generatedAt = Date(timeIntervalSince1970: 1_795_000_000)
        for period: ReportPeriod in [.fiscalYear(FiscalYear(2024)), .fiscalYear(FiscalYear(2023)), .month(year: 2025, month: 1)] {
            let options = ReportOptions(period: period, outputFolder: folder.path, generatedAt: generatedAt, today: today)
            var job = ReportJob(configuration: configuration, options: options, logger: .silent)
            let once = try job.build()
            job.readsRollupsOnce = false
            let periodByPeriod = try job.build()
            #expect(once == periodByPeriod, "\(period)")
            #expect((once.review?.columns.count ?? 0) > 1, "\(period): a review of more than one period")
            #expect(once.hoursSaved.total > 0, "\(period)")
        }
    }

    /// A context adds a period's rollups up once for every cut-off day at or past their last (a past year in a tool review
    /// is cut at its own last day, and reported uncut beside it): each report must still be the one a context that
    /// built nothing before gives, with the systems live and the licences borne by its own day.
    @Test func aReportCutAtADayIsTheSameBuiltAloneOrAfterTheOthers() throws {
        let folder = try Self.folder("cut")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The store's last complete day is in FY2025, after the 窓口予約システム (2025-07-01) went live.
        let today = LocalDate(year: 2025, month: 11, day: 27)
        let configuration = try Self.sampleCity(in: folder, today: today,
                                                money: MoneySettings(hourlyStaffCostYen: 3_000, yearlyLicenceYen: [.rpa: 1_200_000]))
        let cuts: [(ReportPeriod, LocalDate?)] = [2024, 2025].flatMap { start -> [(ReportPeriod, LocalDate?)] in
            let year = FiscalYear(start)
            return [nil, year.lastDay, year.lastDay.adding(days: 40), LocalDate(year: start, month: 6, day: 30), LocalDate(year: start, month: 10, day: 31)]
                .map { (.fiscalYear(year), $0) }
        }
        let alone = try cuts.map { period, through in
            try ReportContext.reading(configuration: configuration, today: today) { try $0.report(period, generatedAt: "", previous: nil, through: through) }
        }
        for order in [Array(cuts.indices), cuts.indices.reversed()] {
            let together = try ReportContext.reading(configuration: configuration, today: today) { context in
                _ = try context.keepingEveryRollup()
                var reports: [Int: YearReport] = [:]
                for index in order { reports[index] = try context.report(cuts[index].0, generatedAt: "", previous: nil, through: cuts[index].1) }
                return reports
            }
            for index in cuts.indices {
                #expect(together[index] == alone[index], "\(cuts[index].0) through \(cuts[index].1.map(\.description) ?? "its end")")
            }
        }
        // What the cut-off day changes: FY2025's new system live by October, not by June; its licence borne by the months to date.
        let year2025 = cuts.indices.filter { cuts[$0].0 == .fiscalYear(FiscalYear(2025)) }
        let june = alone[year2025[3]], october = alone[year2025[4]]
        #expect(june.newSystems?.actual == 0 && october.newSystems?.actual == 1)
        #expect(june.money?.licenceYen != october.money?.licenceYen)
        // And the rollups it adds up: FY2024's hours by June are some of the year's.
        let year2024 = cuts.indices.filter { cuts[$0].0 == .fiscalYear(FiscalYear(2024)) }
        #expect(alone[year2024[3]].hoursSaved.total > 0 && alone[year2024[3]].hoursSaved.total < alone[year2024[0]].hoursSaved.total)
    }

    /// A new temporary folder.
    static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-kept-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The sample city's configuration with its store in `folder`, read by the nightly job as of `today`.
    static func sampleCity(in folder: URL, today: LocalDate, money: MoneySettings? = nil) throws -> Configuration {
        var configuration = try Configuration.load(path: SampleCityTests.sampleLogs.appendingPathComponent("kouka.toml").path)
        configuration.databasePath = folder.appendingPathComponent("kouka.sqlite").path
        configuration.outputPath = folder.appendingPathComponent("reports").path
        if let money { configuration.money = money }
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: today)).run()
        return configuration
    }
}
