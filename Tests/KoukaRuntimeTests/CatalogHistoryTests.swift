import Foundation
@testable import Kouka
import Testing

/// `CatalogHistory`: a catalog row changed in place, removed, or added from a day already past changes figures already
/// counted and is named; a row from a later day, or a new name, is not (helper-89's
/// catalog-retro-edit-looks-like-honest-edit.sh).
struct CatalogHistoryTests {
    /// The last day the store counts.
    static let through = LocalDate(year: 2026, month: 2, day: 28)

    static func row(_ task: String, from: String, residual: Double = 15, name: String = "住民票") -> CatalogHistory.Row {
        CatalogHistory.Row(CatalogEntry(taskID: task, name: name, department: "市民課", system: .rpa, unit: .runs, manualMinutesPerUnit: 60,
                                        residualMinutesPerUnit: residual, validFrom: LocalDate(from)!, patterns: ["Robo1"]))
    }

    @Test func aRowChangedInPlaceIsNamedWithBothValues() {
        let said = CatalogHistory.changes(from: [Self.row("T01", from: "2020-04-01")], to: [Self.row("T01", from: "2020-04-01", residual: 5)], through: Self.through)
        #expect(said == ["T01 from 2020-04-01: residual minutes 15 → 5, in force since 2020-04-01: the figures of the days counted since change"])
    }

    @Test func aRowFromALaterDayOrANewNameIsNot() {
        let before = [Self.row("T01", from: "2020-04-01")]
        #expect(CatalogHistory.changes(from: before, to: before + [Self.row("T01", from: "2026-04-01", residual: 5)], through: Self.through).isEmpty)
        #expect(CatalogHistory.changes(from: before, to: [Self.row("T01", from: "2020-04-01", name: "住民票の写し")], through: Self.through).isEmpty)
    }

    /// helper-100 #5: a row from a day after the last day the store counts (a baseline entered ahead of a task that has not
    /// run since, on a later night) changes nothing counted: not named, whatever the calendar says.
    @Test func aRowFromADayAfterTheLastCountedIsNot() {
        let before = [Self.row("T01", from: "2020-04-01")]
        #expect(CatalogHistory.changes(from: before, to: before + [Self.row("T01", from: "2026-03-01", residual: 5)], through: Self.through).isEmpty)
        #expect(CatalogHistory.changes(from: before, to: before + [Self.row("T01", from: "2026-02-28", residual: 5)], through: Self.through).count == 1)
    }

    @Test func aRowAddedFromAPastDayOrRemovedIsNamed() {
        let before = [Self.row("T01", from: "2020-04-01"), Self.row("T02", from: "2021-04-01")]
        let said = CatalogHistory.changes(from: before, to: [Self.row("T01", from: "2020-04-01"), Self.row("T01", from: "2024-10-01", residual: 20)],
                                          through: Self.through)
        #expect(said.count == 2)
        #expect(said[0] == "T01 from 2024-10-01: added from 2024-10-01, a day already past: the figures of the days counted since 2024-10-01 change (runs of its names that no row mapped on them count under it now); make the reports of those days again")
        #expect(said[1].hasPrefix("T02 from 2021-04-01: removed"))
    }

    static func toolRow(_ system: SystemFamily, unit: EffectUnit, residual: Double = 10, production: String? = nil) -> CatalogHistory.Row {
        CatalogHistory.Row(CatalogEntry(taskID: "A06", name: "多言語情報提供", department: "国際交流課", system: system, unit: unit, manualMinutesPerUnit: 60,
                                        residualMinutesPerUnit: residual, validFrom: LocalDate(year: 2021, month: 4, day: 1),
                                        productionFrom: production.flatMap(LocalDate.init), patterns: ["翻訳"]))
    }

    /// A task supported by two systems has a row for each from one day: the second's baseline changed in place is named with
    /// its system, and the two rows swapped (a catalog sorted again) are no change (helper-136: never compared, exit 0; or
    /// compared with the other system's row, a false alarm).
    @Test func eachSystemsRowOfATaskIsComparedWithItsOwn() {
        let ocr = Self.toolRow(.aiOCR, unit: .sheets), translation = Self.toolRow(.translation, unit: .characters)
        let edited = CatalogHistory.changes(from: [ocr, translation], to: [ocr, Self.toolRow(.translation, unit: .characters, residual: 2)], through: Self.through)
        #expect(edited == ["A06 (translation) from 2021-04-01: residual minutes 10 → 2, in force since 2021-04-01: the figures of the days counted since change"])
        #expect(CatalogHistory.changes(from: [ocr, translation], to: [translation, ocr], through: Self.through).isEmpty)
        #expect(CatalogHistory.changes(from: [ocr, translation], to: [ocr], through: Self.through).first?.hasPrefix("A06 (translation) from 2021-04-01: removed") == true)
    }

    /// A robot's go-live moved (`production_from`, for the path to the target) changes no counted day; an AI tool's does,
    /// its uses before it not counting (helper-136: a postponed go-live named as changing counted figures, exit 1).
    @Test func aGoLiveMovedIsNamedForAnAIToolOnly() {
        func robot(_ production: String) -> CatalogHistory.Row {
            CatalogHistory.Row(CatalogEntry(taskID: "T13", name: "新規", department: "市民課", system: .rpa, unit: .runs, manualMinutesPerUnit: 60,
                                            residualMinutesPerUnit: 10, validFrom: LocalDate(year: 2025, month: 4, day: 1),
                                            productionFrom: LocalDate(production), patterns: ["Robo13"]))
        }
        let late = LocalDate(year: 2025, month: 6, day: 30)
        #expect(CatalogHistory.changes(from: [robot("2025-07-01")], to: [robot("2025-10-01")], through: late).isEmpty)
        let ai = CatalogHistory.changes(from: [Self.toolRow(.translation, unit: .characters, production: "2021-07-01")],
                                        to: [Self.toolRow(.translation, unit: .characters, production: "2021-10-01")], through: Self.through)
        #expect(ai.count == 1 && ai.first?.contains("production_from 2021-07-01 → 2021-10-01") == true, "\(ai)")
        // An AI tool's go-live still ahead of every day counted, postponed: no counted day changes (helper-138).
        #expect(CatalogHistory.changes(from: [Self.toolRow(.translation, unit: .characters, production: "2026-04-01")],
                                       to: [Self.toolRow(.translation, unit: .characters, production: "2026-07-01")], through: Self.through).isEmpty)
        // From none (every use counts) to a day ahead (every use counted so far is early) is a change (helper-142).
        #expect(CatalogHistory.changes(from: [Self.toolRow(.translation, unit: .characters)],
                                       to: [Self.toolRow(.translation, unit: .characters, production: "2026-07-01")], through: Self.through).count == 1)
    }
}
