import Kouka
import Testing

/// `UnmappedReason`: what the report says of a name no row in force maps, true for every day it was unmapped.
struct UnmappedReasonTests {
    static let april = LocalDate(year: 2024, month: 4, day: 1)
    static let october = LocalDate(year: 2024, month: 10, day: 1)
    static let september30 = LocalDate(year: 2024, month: 9, day: 30)

    @Test func unmappedNamesSayWhyByTheirDays() {
        // T1 lists 旧名 until its October row drops it; T2 maps 新名 from October only.
        let t1 = TaskPrecedenceTests.row("T1", from: Self.april, manual: 60, ["現名", "旧名"], line: 2)
        let t1New = TaskPrecedenceTests.row("T1", from: Self.october, manual: 50, ["現名"], line: 3)
        let t2 = TaskPrecedenceTests.row("T2", from: Self.october, manual: 6, ["新名"], line: 4)
        let catalog = TaskCatalog(entries: [t1, t1New, t2])
        func reason(_ name: String, _ first: LocalDate, _ last: LocalDate) -> UnmappedReason {
            catalog.candidates(for: name, system: .rpa).unmappedReason(from: first, through: last)
        }
        let march = LocalDate(year: 2024, month: 3, day: 31), november = LocalDate(year: 2024, month: 11, day: 1)
        #expect(catalog.entry(for: "旧名", system: .rpa, on: november) == nil)
        // 旧名 after October: T1 matched it until 09-30 and its row in force no longer does.
        #expect(reason("旧名", Self.october, november) == .noLongerMatched)
        // 旧名 before April: no row matching it was in force yet.
        #expect(reason("旧名", march, march) == .beforeValidFrom)
        // Unmapped both in March and in November: both are true, and both are said.
        #expect(reason("旧名", march, november) == .beforeValidFromAndNoLongerMatched)
        #expect(reason("新名", Self.april, Self.september30) == .beforeValidFrom)
        #expect(reason("他名", Self.april, november) == .noCatalogRow)
        #expect(UnmappedReason.allCases.map(\.rawValue) == ["no-catalog-row", "before-valid-from", "no-longer-matched", "before-valid-from-and-no-longer-matched"])
    }
}
