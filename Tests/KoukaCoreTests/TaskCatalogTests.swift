import Kouka
import Testing

/// `TaskCatalog`: which row maps a log name on a date — the row in force by `valid_from`, exact names
/// before globs, the system must match, nothing before a task's first `valid_from`.
struct TaskCatalogTests {
    static func row(
        _ task: String, system: SystemFamily = .rpa, from: LocalDate, manual: Double = 10, residual: Double = 2,
        _ patterns: [String], line: Int = 0
    ) -> CatalogEntry {
        CatalogEntry(taskID: task, name: task, department: "市民課", system: system, unit: .runs,
                     manualMinutesPerUnit: manual, residualMinutesPerUnit: residual, validFrom: from,
                     patterns: patterns, line: line)
    }

    static let fy2022 = LocalDate(year: 2022, month: 4, day: 1)
    static let fy2024 = LocalDate(year: 2024, month: 4, day: 1)

    // The glob row comes first on purpose: an exact name must still beat it.
    static let globAll = row("T-GLOB", from: fy2022, ["住民票*"], line: 2)
    static let v2 = row("T-JUMIN", from: fy2024, manual: 12, residual: 1, ["住民票発行", "住民票発行_v2"], line: 3)
    static let v1 = row("T-JUMIN", from: fy2022, manual: 10, residual: 2, ["住民票発行", "住民票発行_旧"], line: 4)
    // The same task (業務) is also supported by AI-OCR from FY2023: its versions are kept apart from the RPA rows.
    static let ocr = row("T-JUMIN", system: .aiOCR, from: LocalDate(year: 2023, month: 4, day: 1), ["住民票発行"], line: 5)
    static let catalog = TaskCatalog(entries: [globAll, v2, v1, ocr])

    @Test func theRowInForceIsTheLatestValidFromNotAfterTheDate() {
        let c = Self.catalog
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: LocalDate(year: 2022, month: 3, day: 31)) == nil)
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: Self.fy2022) == Self.v1)
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: LocalDate(year: 2024, month: 3, day: 31)) == Self.v1)
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: Self.fy2024) == Self.v2)
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: LocalDate(year: 2030, month: 1, day: 1)) == Self.v2)
        #expect(c.entry(task: "T-NONE", system: .rpa, on: Self.fy2024) == nil)
    }

    @Test func versionsAreKeptPerTaskAndSystem() {
        let c = Self.catalog
        // The AI-OCR row of T-JUMIN (from 2023-04-01) neither replaces nor is replaced by the RPA rows.
        #expect(c.entry(task: "T-JUMIN", system: .aiOCR, on: LocalDate(year: 2023, month: 3, day: 31)) == nil)
        #expect(c.entry(task: "T-JUMIN", system: .aiOCR, on: LocalDate(year: 2023, month: 4, day: 1)) == Self.ocr)
        #expect(c.entry(task: "T-JUMIN", system: .aiOCR, on: Self.fy2024) == Self.ocr)
        #expect(c.entry(task: "T-JUMIN", system: .rpa, on: LocalDate(year: 2023, month: 4, day: 1)) == Self.v1)
        #expect(c.entry(task: "T-JUMIN", system: .chatbot, on: Self.fy2024) == nil)
    }

    @Test func anExactNameBeatsAGlobListedEarlier() {
        let c = Self.catalog
        #expect(c.entry(for: "住民票発行", system: .rpa, on: LocalDate(year: 2023, month: 5, day: 1)) == Self.v1)
        #expect(c.entry(for: "住民票発行", system: .rpa, on: LocalDate(year: 2024, month: 5, day: 1)) == Self.v2)
        // A name only the glob covers goes to the glob's task.
        #expect(c.entry(for: "住民票発行_新様式", system: .rpa, on: LocalDate(year: 2024, month: 5, day: 1)) == Self.globAll)
    }

    @Test func onlyTheRowInForceMapsNames() {
        let c = Self.catalog
        // "住民票発行_v2" is listed only from FY2024 on; before that the glob takes it.
        #expect(c.entry(for: "住民票発行_v2", system: .rpa, on: LocalDate(year: 2023, month: 5, day: 1)) == Self.globAll)
        #expect(c.entry(for: "住民票発行_v2", system: .rpa, on: LocalDate(year: 2024, month: 5, day: 1)) == Self.v2)
        // "住民票発行_旧" was listed only in the old row: once v2 is in force, only the glob matches it.
        #expect(c.entry(for: "住民票発行_旧", system: .rpa, on: LocalDate(year: 2023, month: 5, day: 1)) == Self.v1)
        #expect(c.entry(for: "住民票発行_旧", system: .rpa, on: LocalDate(year: 2024, month: 5, day: 1)) == Self.globAll)
    }

    @Test func theSystemMustMatch() {
        let c = Self.catalog
        let day = LocalDate(year: 2024, month: 5, day: 1)
        #expect(c.entry(for: "住民票発行", system: .aiOCR, on: day) == Self.ocr)
        #expect(c.entry(for: "住民票発行", system: .aiOCR, on: LocalDate(year: 2023, month: 3, day: 31)) == nil)
        #expect(c.entry(for: "住民票発行", system: .chatbot, on: day) == nil)
        #expect(c.entry(for: "住民票発行_新様式", system: .aiOCR, on: day) == nil)
    }

    @Test func nothingMapsBeforeTheFirstValidFrom() {
        let c = Self.catalog
        let before = LocalDate(year: 2022, month: 3, day: 31)
        #expect(c.entry(for: "住民票発行", system: .rpa, on: before) == nil)
        #expect(c.entry(for: "住民票発行_新様式", system: .rpa, on: before) == nil)
        #expect(c.entry(for: "住民票発行", system: .aiOCR, on: before) == nil)
    }

    /// Two globs that each match names the other does not, and share some, give no order: such a catalog
    /// is a conflict (the loader refuses it), whatever order its rows are in.
    @Test func crossingGlobsOfTwoTasksAreAConflict() {
        let first = Self.row("A", from: Self.fy2022, ["申請*"], line: 2)
        let second = Self.row("B", from: Self.fy2022, ["*受付"], line: 3)
        for entries in [[first, second], [second, first]] {
            let conflicts = TaskCatalog(entries: entries).conflicts
            #expect(conflicts.count == 1)
            #expect(Set(conflicts.flatMap { [$0.row.line, $0.other.line] }) == [2, 3])
            #expect(conflicts.first?.relation == .crossing(example: "申請受付"))
        }
        // Rows never in force together do not conflict: B starts when A hands over to a narrower version.
        let narrowed = Self.row("A", from: Self.fy2024, ["申請書*"], line: 4)
        let later = Self.row("B", from: Self.fy2024, ["*受付"], line: 3)
        #expect(TaskCatalog(entries: [first, later, narrowed]).conflicts.map(\.row.line) == [4], "申請書* and *受付 still cross")
        let handedOver = Self.row("A", from: Self.fy2024, ["申請書_作成"], line: 4)
        #expect(TaskCatalog(entries: [first, later, handedOver]).conflicts.isEmpty)
    }

    @Test func theSameGlobInTwoTasksIsAConflictButNotInOneTasksVersions() {
        let a = Self.row("A", from: Self.fy2022, ["国保*"], line: 2)
        let b = Self.row("B", from: Self.fy2022, ["国保**"], line: 3)
        #expect(TaskCatalog(entries: [a, b]).conflicts.map(\.relation) == [.same])
        let aLater = Self.row("A", from: Self.fy2024, ["国保*"], line: 3)
        #expect(TaskCatalog(entries: [a, aLater]).conflicts.isEmpty)
    }

    /// A name's candidates, matched once, give on every date the row that matching it on that date gives.
    @Test func aNamesCandidatesGiveTheRowInForceOnEveryDate() {
        let start = LocalDate(year: 2022, month: 3, day: 25)
        for name in ["住民票発行", "住民票発行_v2", "住民票発行_旧", "住民票その他", "戸籍"] {
            for system in [SystemFamily.rpa, .aiOCR] {
                let candidates = Self.catalog.candidates(for: name, system: system)
                for offset in stride(from: 0, through: 800, by: 7) {
                    let date = start.adding(days: offset)
                    #expect(candidates.entry(on: date) == Self.catalog.entry(for: name, system: system, on: date), "\(name) \(system) \(date)")
                }
            }
        }
        #expect(Self.catalog.candidates(for: "住民票発行", system: .rpa).entry(on: Self.fy2024) == Self.v2)
        #expect(Self.catalog.candidates(for: "住民票発行_旧", system: .rpa).entry(on: Self.fy2024) == Self.globAll, "v2 no longer has the old name")
    }

    @Test func versionsAreOldestFirstAndTaskIDsInCatalogOrder() {
        #expect(Self.catalog.versions(of: "T-JUMIN", system: .rpa) == [Self.v1, Self.v2])
        #expect(Self.catalog.versions(of: "T-JUMIN", system: .aiOCR) == [Self.ocr])
        #expect(Self.catalog.versions(of: "T-NONE", system: .rpa).isEmpty)
        #expect(Self.catalog.taskIDs == ["T-GLOB", "T-JUMIN"])
    }
}
