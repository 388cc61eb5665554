@testable import Kouka
import Testing

/// `CatalogRows`: a report's per-name memory of catalog matches answers exactly as the catalog does, whatever
/// order names, systems and dates are asked in.
struct CatalogRowsTests {
    @Test func itsAnswersAreTheCatalogsInAnyOrderOfQuestions() {
        let catalog = TaskCatalogTests.catalog
        var questions: [(String, SystemFamily, LocalDate)] = []
        let start = LocalDate(year: 2022, month: 3, day: 25)
        for name in ["住民票発行", "住民票発行_v2", "住民票発行_旧", "住民票その他", "戸籍"] {
            for system in [SystemFamily.rpa, .aiOCR] {
                for offset in stride(from: 0, through: 800, by: 11) { questions.append((name, system, start.adding(days: offset))) }
            }
        }
        // Asked day by day from the latest, so that each name is asked of both systems in turn.
        questions.sort { ($0.2, $0.1 == .rpa ? 0 : 1) < ($1.2, $1.1 == .rpa ? 0 : 1) }
        questions.reverse()
        var rows = CatalogRows(catalog)
        var mapped = 0
        for (name, system, date) in questions {
            let answer = rows.entry(for: name, system: system, on: date)
            #expect(answer == catalog.entry(for: name, system: system, on: date), "\(name) \(system) \(date)")
            if answer != nil { mapped += 1 }
        }
        // The same name is asked of RPA and of AI-OCR: the memory must keep the two apart.
        #expect(rows.entry(for: "住民票発行", system: .aiOCR, on: LocalDate(year: 2023, month: 3, day: 31)) == nil)
        #expect(rows.entry(for: "住民票発行", system: .rpa, on: LocalDate(year: 2023, month: 3, day: 31)) == TaskCatalogTests.v1)
        #expect(rows.entry(for: "住民票発行", system: .aiOCR, on: TaskCatalogTests.fy2024) == TaskCatalogTests.ocr)
        #expect(mapped > questions.count / 3, "most questions should find a row, or the test checks little")
    }
}
