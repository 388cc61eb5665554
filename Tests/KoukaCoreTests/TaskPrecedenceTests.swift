import Kouka
import Testing

/// Which task maps a name is decided per task, by the most specific pattern, never by which row is newer
/// or comes first: a task's new baseline row keeps its names and takes none from another task.
struct TaskPrecedenceTests {
    static func row(_ task: String, from: LocalDate, manual: Double, _ patterns: [String], line: Int) -> CatalogEntry {
        CatalogEntry(taskID: task, name: task, department: "保険年金課", system: .rpa, unit: .runs,
                     manualMinutesPerUnit: manual, residualMinutesPerUnit: 0, validFrom: from, patterns: patterns, line: line)
    }

    static let april = LocalDate(year: 2024, month: 4, day: 1)
    static let october = LocalDate(year: 2024, month: 10, day: 1)
    static let september30 = LocalDate(year: 2024, month: 9, day: 30)
    // The catalog: T1 国保* from April (60 min), T2 国保資格* from April (6 min), T1's new baseline
    // from October (50 min).
    static let t1April = row("T1", from: april, manual: 60, ["国保*"], line: 2)
    static let t2 = row("T2", from: april, manual: 6, ["国保資格*"], line: 3)
    static let t1October = row("T1", from: october, manual: 50, ["国保*"], line: 4)

    @Test(arguments: [[t1April, t2, t1October], [t1October, t2, t1April], [t2, t1April, t1October], [t1October, t1April, t2]])
    func aNewerBaselineRowKeepsAnotherTasksNames(entries: [CatalogEntry]) {
        let catalog = TaskCatalog(entries: entries)
        #expect(catalog.conflicts.isEmpty, "国保資格* is inside 国保*: ordered")
        // By hand: 国保資格確認 matches 国保* (T1) and 国保資格* (T2); every 国保資格… name is a 国保… name,
        // not the reverse, so T2 is more specific and maps it on both sides of T1's change day:
        // 09-30 → T2 (6 min per run), 10-01 → T2 (6 min per run). The old rule gave T1 (60 min) on 09-30,
        // when T1's April row came first, and T2 on 10-01, when T1's row in force was the later one.
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.september30) == Self.t2)
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.october) == Self.t2)
        // A name only 国保* matches stays T1's, and T1's version is chosen by date within T1:
        // 09-30 → the April row (60 min), 10-01 → the October row (50 min).
        #expect(catalog.entry(for: "国保年金", system: .rpa, on: Self.september30) == Self.t1April)
        #expect(catalog.entry(for: "国保年金", system: .rpa, on: Self.october) == Self.t1October)
        // Before April no row is in force.
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: LocalDate(year: 2024, month: 3, day: 31)) == nil)
    }

    @Test func theNarrowerTaskWinsWhicheverStartedFirst() {
        // T2's narrower pattern starts only in October: until then T1 maps the name, from then on T2, on
        // the date T2's row comes into force, not on the date of any T1 version.
        let t1 = Self.row("T1", from: Self.april, manual: 60, ["国保*"], line: 2)
        let t2 = Self.row("T2", from: Self.october, manual: 6, ["国保資格*"], line: 3)
        let catalog = TaskCatalog(entries: [t2, t1])
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.september30) == t1)
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.october) == t2)
    }

    @Test func anExactNameInAnyRowBeatsEveryWildcard() {
        let t1 = Self.row("T1", from: Self.april, manual: 60, ["国保*"], line: 2)
        let t2 = Self.row("T2", from: Self.april, manual: 6, ["国保資格*"], line: 3)
        let t3 = Self.row("T3", from: Self.april, manual: 9, ["国保資格確認"], line: 4)
        for entries in [[t1, t2, t3], [t3, t2, t1]] {
            let catalog = TaskCatalog(entries: entries)
            #expect(catalog.conflicts.isEmpty)
            #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.october) == t3)
            #expect(catalog.entry(for: "国保資格照会", system: .rpa, on: Self.october) == t2)
            #expect(catalog.entry(for: "国保年金", system: .rpa, on: Self.october) == t1)
        }
    }

    @Test func aTaskWithSeveralMatchingPatternsIsJudgedByItsNarrowest() {
        // T1 lists both 国保* and the exact name; T2's 国保資格* is narrower than the first but not the second.
        let t1 = Self.row("T1", from: Self.april, manual: 60, ["国保*", "国保資格確認"], line: 2)
        let t2 = Self.row("T2", from: Self.april, manual: 6, ["国保資格*"], line: 3)
        let catalog = TaskCatalog(entries: [t1, t2])
        #expect(catalog.conflicts.isEmpty)
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: Self.october) == t1)
        #expect(catalog.entry(for: "国保資格照会", system: .rpa, on: Self.october) == t2)
    }
}
