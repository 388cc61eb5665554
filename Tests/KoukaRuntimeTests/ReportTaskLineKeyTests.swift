import Foundation
@testable import Kouka
import Testing

/// A report's task line is one per task, department, system and unit, with names compared as `String` compares
/// them: a department written with a precomposed "が" in one log and a combining mark in another is one line,
/// however the builder finds a rollup's line.
struct ReportTaskLineKeyTests {
    static let entry = CatalogEntry(taskID: "R01", name: "住民票発行", department: "市民課", system: .rpa, unit: .runs,
                                    manualMinutesPerUnit: 12, residualMinutesPerUnit: 2, validFrom: LocalDate(year: 2023, month: 4, day: 1),
                                    patterns: ["住民票*"], line: 2)

    static func rollup(department: String, day: Int, events: Int, source: Int64 = 1) -> DailyRollup {
        DailyRollup(key: RollupKey(date: LocalDate(year: 2024, month: 5, day: day), department: department, family: .rpa, taskName: "住民票発行",
                                   outcome: .success, unit: .runs),
                    totals: RollupTotals(events: events, quantity: Double(events), machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                    sourceID: source)
    }

    @Test func aDepartmentSpelledTwoWaysIsOneLine() throws {
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)),
            rollups: [
                Self.rollup(department: "がくしゅう課", day: 10, events: 3),
                Self.rollup(department: "税務課", day: 10, events: 7),
                Self.rollup(department: "か\u{3099}くしゅう課", day: 11, events: 5),
                Self.rollup(department: "", day: 12, events: 1),
            ],
            catalog: TaskCatalog(entries: [Self.entry]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
            sources: [1: SourceLine(path: "logs/a.csv", sha256: "", format: "f", rows: 16, accepted: 16, rejected: 0, status: "present")],
            timezone: "Asia/Tokyo"))
        // 3 + 5 runs of one department: 8 × (12 − 2) min = 80 min = 1.33 h; 7 runs of another; 1 run of the catalog's own
        // department, for the rollup that names none. 16 runs × 10 min = 160 min = 2.67 h in all.
        let lines = report.tasks.map { ($0.department, $0.successes, $0.hoursSaved) }
        #expect(lines.count == 3, "\(lines)")
        let learning = try #require(report.tasks.first { $0.department == "がくしゅう課" })
        #expect((learning.successes, learning.hoursSaved) == (8, 1.33))
        #expect(report.tasks.first { $0.department == "税務課" }?.successes == 7)
        #expect(report.tasks.first { $0.department == "市民課" }?.successes == 1)
        #expect(report.hoursSaved.total == 2.67)
    }

    /// A log's department column in other letters than the catalog's (`ＤＸ推進課` for `DX推進課`, spaces around it) is the
    /// catalog's department; one the catalog lacks is shown in its compatibility form. Kept as typed, the department's hours
    /// were split over two lines, ranked apart (helper-130, exit 0).
    @Test func aDepartmentInOtherLettersIsTheCatalogsDepartment() throws {
        var entry = Self.entry
        entry.department = "DX推進課"
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)),
            rollups: [
                Self.rollup(department: "ＤＸ推進課", day: 10, events: 2),
                Self.rollup(department: "", day: 11, events: 2),
                Self.rollup(department: " DX推進課\u{3000}", day: 12, events: 1),
                Self.rollup(department: "ＩＣＴ課", day: 12, events: 3),
            ],
            catalog: TaskCatalog(entries: [entry]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
            sources: [1: SourceLine(path: "logs/a.csv", sha256: "", format: "f", rows: 8, accepted: 8, rejected: 0, status: "present")],
            timezone: "Asia/Tokyo"))
        // 5 runs × 10 min = 50 min = 0.83 h for DX推進課; 3 runs = 0.50 h for ICT課.
        #expect(report.departments.map(\.department) == ["DX推進課", "ICT課"], "\(report.departments)")
        #expect(report.departments.map(\.hoursSaved) == [0.83, 0.5])
        #expect(report.tasks.map(\.department) == ["DX推進課", "ICT課"])
    }

    /// A task's rows for two systems from one day, swapped in a catalog sorted again: the report lists them in the same
    /// order, by what they state, so that verify pairs each with its own (helper-136: paired by position, named as changed).
    @Test func catalogRowsOfOneTaskAndDayKeepTheirOrderWhateverTheirLines() {
        func report(ocrLine: Int, translationLine: Int) -> [String] {
            let day = LocalDate(year: 2024, month: 4, day: 1)
            let ocr = CatalogEntry(taskID: "A06", name: "多言語", department: "国際交流課", system: .aiOCR, unit: .sheets, manualMinutesPerUnit: 6,
                                   residualMinutesPerUnit: 1, validFrom: day, patterns: ["帳票"], line: ocrLine)
            let translation = CatalogEntry(taskID: "A06", name: "多言語", department: "国際交流課", system: .translation, unit: .characters,
                                           manualMinutesPerUnit: 60, residualMinutesPerUnit: 10, validFrom: day, patterns: ["翻訳"], line: translationLine)
            func use(_ family: SystemFamily, _ name: String, _ unit: EffectUnit) -> DailyRollup {
                DailyRollup(key: RollupKey(date: LocalDate(year: 2024, month: 5, day: 10), department: "", family: family, taskName: name, outcome: .success, unit: unit),
                            totals: RollupTotals(events: 1, quantity: 1_000, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
            }
            return ReportBuilder.build(ReportInputs(
                period: .fiscalYear(FiscalYear(2024)), rollups: [use(.aiOCR, "帳票", .sheets), use(.translation, "翻訳", .characters)],
                catalog: TaskCatalog(entries: [ocr, translation]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
                sources: [1: SourceLine(path: "logs/a.csv", sha256: "", format: "f", rows: 2, accepted: 2, rejected: 0, status: "present")],
                timezone: "Asia/Tokyo")).catalog.rows.map(\.unit)
        }
        #expect(report(ocrLine: 2, translationLine: 3) == ["characters", "sheets"])
        #expect(report(ocrLine: 3, translationLine: 2) == ["characters", "sheets"])
    }

    /// A task renamed with a new baseline from October is shown under the name of its latest row in the period, not that of
    /// its first run (helper-130 #3); its figures are each day's row's.
    @Test func aTaskRenamedMidYearIsShownUnderItsLatestName() {
        var renamed = Self.entry
        renamed.name = "住民票発行（新基準）"
        renamed.validFrom = LocalDate(year: 2024, month: 10, day: 1)
        renamed.residualMinutesPerUnit = 4
        renamed.line = 3
        let november = DailyRollup(key: RollupKey(date: LocalDate(year: 2024, month: 11, day: 5), department: "", family: .rpa, taskName: "住民票発行",
                                                  outcome: .success, unit: .runs),
                                   totals: RollupTotals(events: 1, quantity: 1, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0), sourceID: 1)
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)), rollups: [Self.rollup(department: "", day: 10, events: 1), november],
            catalog: TaskCatalog(entries: [Self.entry, renamed]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
            sources: [1: SourceLine(path: "logs/a.csv", sha256: "", format: "f", rows: 2, accepted: 2, rejected: 0, status: "present")],
            timezone: "Asia/Tokyo"))
        #expect(report.tasks.map(\.name) == ["住民票発行（新基準）"])
        // (12 − 2) + (12 − 4) = 18 min = 0.30 h.
        #expect(report.hoursSaved.total == 0.3)
    }

    /// A task line names the files its runs came from, by path in `String` order, whatever their ledger ids' order.
    @Test func aLinesSourcesAreInTheOrderOfTheirPaths() {
        let paths: [Int64: String] = [1: "logs/robot2/2024-05-10.log", 2: "logs/robot10/2024-05-10.log", 3: "logs/robot1/2024-05-11.log",
                                      4: "logs/ガ.log", 5: "logs/カ.log", 6: "logs/unused.log"]
        let report = ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)),
            rollups: [5, 1, 4, 2, 3].map { Self.rollup(department: "", day: 10, events: 1, source: $0) } + [Self.rollup(department: "税務課", day: 10, events: 1, source: 6)],
            catalog: TaskCatalog(entries: [Self.entry]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
            sources: paths.mapValues { SourceLine(path: $0, sha256: "", format: "f", rows: 1, accepted: 1, rejected: 0, status: "present") },
            timezone: "Asia/Tokyo"))
        let line = report.tasks.first { $0.department == "市民課" }
        #expect(line?.sources == ["logs/robot1/2024-05-11.log", "logs/robot10/2024-05-10.log", "logs/robot2/2024-05-10.log", "logs/カ.log", "logs/ガ.log"])
        #expect(line?.sources == [1, 2, 3, 4, 5].map { paths[$0]! }.sorted())
    }
}
