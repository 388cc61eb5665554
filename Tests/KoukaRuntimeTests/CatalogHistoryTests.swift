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
        #expect(said[0].hasPrefix("T01 from 2024-10-01: added from 2024-10-01, a day already past"))
        #expect(said[1].hasPrefix("T02 from 2021-04-01: removed"))
    }
}
