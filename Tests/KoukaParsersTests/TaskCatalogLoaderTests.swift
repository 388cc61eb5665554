import Foundation
import Kouka
import Testing

/// `TaskCatalogLoader`: the catalog CSV that departments keep in Excel, every bad row reported at once.
struct TaskCatalogLoaderTests {
    static let header = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,production_from,match"

    static var fixture: URL {
        get throws { try #require(Bundle.module.url(forResource: "catalog", withExtension: "csv", subdirectory: "Fixtures")) }
    }

    static func load(_ data: Data) throws -> TaskCatalog {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try TaskCatalogLoader.load(path: try dir.write("catalog.csv", data))
    }

    /// The catalog error a load throws; fails the test when it loads.
    static func problems(_ data: Data) throws -> [CatalogError.Problem] {
        do {
            _ = try load(data)
            Issue.record("the catalog loaded")
            return []
        } catch let error as CatalogError {
            #expect(error.path.hasSuffix("catalog.csv"))
            return error.problems
        }
    }

    /// What Fixtures/catalog.csv holds, whatever its bytes.
    static func checkFixture(_ catalog: TaskCatalog) throws {
        let e = catalog.entries
        try #require(e.count == 5)
        #expect(e.map(\.taskID) == ["T001", "T001", "T002", "T002", "T003"])
        // Lines: header 1, rows 2, (blank 3), 4, 5, 6, 7.
        #expect(e.map(\.line) == [2, 4, 5, 6, 7])
        #expect(e.map(\.system) == [.rpa, .rpa, .aiOCR, .rpa, .translation])
        #expect(e.map(\.unit) == [.runs, .runs, .sheets, .runs, .characters])
        #expect(e.map(\.manualMinutesPerUnit) == [30, 25, 6, 1_200, 40])
        #expect(e.map(\.residualMinutesPerUnit) == [5, 4, 1.5, 0.5, 8])
        // Rework is optional: an empty cell is 0.
        #expect(e.map(\.reworkMinutesPerFailure) == [10, 0, 0, 0, 0])
        #expect(e.map(\.validFrom) == [
            LocalDate(year: 2022, month: 4, day: 1), LocalDate(year: 2024, month: 4, day: 1), LocalDate(year: 2023, month: 4, day: 1),
            LocalDate(year: 2023, month: 4, day: 1), LocalDate(year: 2024, month: 4, day: 1),
        ])
        // A task's production start, given on its first row, holds for its later row too.
        #expect(e.map(\.productionFrom) == [LocalDate(year: 2021, month: 10, day: 1), LocalDate(year: 2021, month: 10, day: 1), nil, nil,
                                            LocalDate(year: 2024, month: 6, day: 1)])
        // `match` is split on | and trimmed.
        #expect(e[0].patterns == ["住民票発行_RPA", "住民票*_表示ソフト"])
        #expect(e[4].patterns == ["翻訳", "案内文"])
        #expect(e[0].name == "住民票の写し交付" && e[0].department == "市民課")
        // The loaded catalog maps names: the FY2024 row of T001 from April 1, 2024.
        #expect(catalog.entry(for: "住民票発行_RPA", system: .rpa, on: LocalDate(year: 2024, month: 4, day: 1))?.line == 4)
        #expect(catalog.entry(for: "住民票交付_表示ソフト", system: .rpa, on: LocalDate(year: 2023, month: 1, day: 1))?.line == 2)
        #expect(catalog.entry(for: "介護申請書_第1号", system: .aiOCR, on: LocalDate(year: 2023, month: 4, day: 1))?.taskID == "T002")
    }

    @Test func loadsTheFixture() throws {
        try Self.checkFixture(try TaskCatalogLoader.load(path: try Self.fixture.path))
    }

    @Test(arguments: FileVariant.allCases)
    func loadsEveryEncodingTheSame(variant: FileVariant) throws {
        let text = try String(contentsOf: try Self.fixture, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try Self.checkFixture(try Self.load(variant.encode(lines)))
    }

    @Test func aMissingColumnStopsTheLoad() throws {
        let header = Self.header.replacingOccurrences(of: ",match", with: "")
        let problems = try Self.problems(Data((header + "\nT1,n,d,rpa,runs,1,0,,2024-04-01,\n").utf8))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 1)
        #expect(problems.first?.message.contains("match") == true)
    }

    @Test func everyBadRowIsReportedWithItsLine() throws {
        let lines = [
            Self.header,
            "T1,ok,市民課,rpa,runs,10,2,,2024-04-01,,a", //                 2: fine
            "T2,bad system,市民課,robotics,runs,10,2,,2024-04-01,,b", //   3
            "T3,bad unit,市民課,rpa,hours,10,2,,2024-04-01,,c", //         4
            "T4,bad date,市民課,rpa,runs,10,2,,2023-02-29,,d", //          5
            "T5,no minutes,市民課,rpa,runs,,2,,2024-04-01,,e", //          6
            "T6,negative,市民課,rpa,runs,-1,2,,2024-04-01,,f", //          7
            "T7,no match,市民課,rpa,runs,10,2,,2024-04-01,, | ", //        8
            ",no id,市民課,rpa,runs,10,2,,2024-04-01,,g", //               9
            "T1,duplicate,市民課,rpa,runs,12,2,,2024-04-01,,a2", //        10: same task, system and valid_from as line 2
            "T1,other system,市民課,ai-ocr,sheets,12,2,,2024-04-01,,a3", // 11: fine, another system
            "T8,bad production,市民課,rpa,runs,10,2,,2024-04-01,2024-13-01,h", // 12
        ]
        let problems = try Self.problems(FileVariant.utf8CRLF.encode(lines))
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 12])
        #expect(problems.first { $0.line == 3 }?.message.contains("robotics") == true)
        #expect(problems.first { $0.line == 4 }?.message.contains("hours") == true)
        // The duplicate names the line of the row it repeats.
        #expect(problems.first { $0.line == 10 }?.message.contains("line 2") == true)
    }

    @Test func aShiftJISCatalogWrittenByExcel() throws {
        // Excel's 「CSV (コンマ区切り)」: CP932, CRLF, dates as 2024/4/1, a quoted thousands separator.
        let lines = [
            Self.header,
            #"T9,証明書交付申請の受付,市民課,RPA,runs,"1,500",10,5,2024/4/1,,証明書交付_ソフト連携|証明書*表"#,
        ]
        let catalog = try Self.load(FileVariant.shiftJISCRLF.encode(lines))
        let entry = try #require(catalog.entries.first)
        #expect(catalog.entries.count == 1)
        #expect(entry.name == "証明書交付申請の受付")
        #expect(entry.manualMinutesPerUnit == 1_500)
        #expect(entry.validFrom == LocalDate(year: 2024, month: 4, day: 1))
        #expect(entry.patterns == ["証明書交付_ソフト連携", "証明書*表"])
        #expect(catalog.entry(for: "証明書発行一覧表", system: .rpa, on: LocalDate(year: 2024, month: 5, day: 1)) == entry)
    }

    @Test func anEmptyOrMissingCatalogCannotBeUsed() throws {
        #expect(try Self.problems(Data()).map(\.line) == [1])
        #expect(try Self.problems(Data("\r\n\r\n".utf8)).map(\.line) == [1])
        #expect(throws: CatalogError.self) { try TaskCatalogLoader.load(path: "/nonexistent/kouka/catalog.csv") }
        // A header and no rows is an empty catalog, not an error.
        #expect(try Self.load(Data((Self.header + "\n").utf8)).entries.isEmpty)
    }
}

extension TaskCatalogLoaderTests {
    @Test func aNameTwoTasksClaimAtTheSameTimeStopsTheLoad() throws {
        let lines = [
            Self.header,
            "T1,a,市民課,rpa,runs,10,2,,2021-04-01,,共通名|Aだけ", //  2
            "T2,b,税務課,rpa,runs,10,2,,2023-04-01,,共通名", //         3: T1's row is still in force
        ]
        let problems = try Self.problems(FileVariant.utf8LF.encode(lines))
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("共通名 is also claimed by task_id T1 (line 2)") == true)
    }

    @Test func aNameHandedOverByANewVersionOrClaimedByGlobsOrAnotherSystemIsFine() throws {
        let lines = [
            Self.header,
            "T1,a,市民課,rpa,runs,10,2,,2021-04-01,,共通名",
            "T1,a,市民課,rpa,runs,10,2,,2023-04-01,,Aだけ", //          T1 gives the name up from FY2023
            "T2,b,税務課,rpa,runs,10,2,,2023-04-01,,共通名", //         and T2 takes it then
            "T3,c,税務課,rpa,runs,10,2,,2021-04-01,,共通*",
            "T4,d,税務課,ai-ocr,sheets,10,2,,2021-04-01,,共通名",
        ]
        let catalog = try Self.load(FileVariant.utf8LF.encode(lines))
        #expect(catalog.entry(for: "共通名", system: .rpa, on: LocalDate(year: 2022, month: 4, day: 1))?.taskID == "T1")
        #expect(catalog.entry(for: "共通名", system: .rpa, on: LocalDate(year: 2023, month: 4, day: 1))?.taskID == "T2")
    }
}

/// Precedence between tasks is by the more specific pattern; patterns of two tasks that can share a name
/// with neither more specific stop the load, with both lines named.
extension TaskCatalogLoaderTests {
    @Test func theIssuesCatalogLoadsAndKeepsNamesWithTheNarrowerTask() throws {
        let lines = [
            Self.header,
            "T1,国保,保険年金課,rpa,runs,60,0,,2024-04-01,,国保*", //       2
            "T2,国保資格,保険年金課,rpa,runs,6,0,,2024-04-01,,国保資格*", // 3
            "T1,国保,保険年金課,rpa,runs,50,0,,2024-10-01,,国保*", //       4
        ]
        let catalog = try Self.load(FileVariant.utf8LF.encode(lines))
        // 国保資格* ⊂ 国保*: T2 on both sides of T1's new row; T1's other names by T1's own version.
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: LocalDate(year: 2024, month: 9, day: 30))?.line == 3)
        #expect(catalog.entry(for: "国保資格確認", system: .rpa, on: LocalDate(year: 2024, month: 10, day: 1))?.line == 3)
        #expect(catalog.entry(for: "国保年金", system: .rpa, on: LocalDate(year: 2024, month: 9, day: 30))?.line == 2)
        #expect(catalog.entry(for: "国保年金", system: .rpa, on: LocalDate(year: 2024, month: 10, day: 1))?.line == 4)
    }

    @Test func crossingWildcardsOfTwoTasksStopTheLoad() throws {
        let lines = [
            Self.header,
            "T1,国保,保険年金課,rpa,runs,60,0,,2024-04-01,,国保*", //        2
            "T2,確認,保険年金課,rpa,runs,6,0,,2024-04-01,,*確認", //         3: 国保確認 is both's
            "T3,同じ,保険年金課,rpa,runs,6,0,,2024-04-01,,国保**", //        4: the same names as 国保*
            "T4,他,保険年金課,ai-ocr,sheets,6,0,,2024-04-01,,国保*", //     5: another system: fine
        ]
        let problems = try Self.problems(FileVariant.utf8LF.encode(lines))
        #expect(problems.map(\.line) == [3, 4, 4])
        let crossing = try #require(problems.first { $0.line == 3 }?.message)
        #expect(crossing.contains("match pattern *確認 and 国保* of task_id T1 (line 2) both match names such as 国保確認"), "\(crossing)")
        #expect(crossing.contains("neither is more specific"))
        let same = problems.filter { $0.line == 4 }.map(\.message)
        #expect(same.contains { $0.contains("match pattern 国保** matches the same names as 国保* of task_id T1 (line 2)") }, "\(same)")
        #expect(same.contains { $0.contains("match pattern 国保** and *確認 of task_id T2 (line 3) both match names such as 国保確認") }, "\(same)")
    }

    /// Two rows of one task planning another volume or start: which holds is the department's to say, not Kouka's; the
    /// same volume and start on both (a row copied for a newer baseline) is one plan.
    @Test func aTaskPlannedTwiceDifferentlyIsACatalogError() throws {
        let head = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match,production_from,expected_units_per_year\n"
        let first = "T09,口座振替データ照合,会計課,rpa,runs,70,10,0,2024-04-01,口座振替照合,2025-01-01,365\n"
        let problems = try Self.problems(Data((head + first + "T09,口座振替データ照合,会計課,rpa,runs,100,10,0,2025-02-01,口座振替照合,2025-01-01,500\n").utf8))
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("task_id T09 is planned on line 2 with expected_units_per_year 365 from 2025-01-01 and here with 500 from 2025-01-01") == true)
        let later = try Self.problems(Data((head + first + "T09,口座振替データ照合,会計課,rpa,runs,100,10,0,2025-02-01,口座振替照合,2025-04-01,365\n").utf8))
        #expect(later.map(\.line) == [3])
        let copied = try Self.load(Data((head + first + "T09,口座振替データ照合,会計課,rpa,runs,100,10,0,2025-02-01,口座振替照合,2025-01-01,365\n").utf8))
        #expect(copied.entries.count == 2)
    }

    /// Two rows of one AI task going into production on two days: each use was judged by the row in force on its day, and
    /// the report stated the other date (helper-92's ai-task-production-from-differs-between-rows.sh). The same date on both,
    /// or none on the later row, is one start.
    @Test func aTaskGoingIntoProductionTwiceIsACatalogError() throws {
        let first = "A1,申請,市民課,ai-ocr,sheets,10,4,0,2020-04-01,2024-09-01,申請\n"
        let problems = try Self.problems(Data((Self.header + "\n" + first + "A1,申請,市民課,ai-ocr,sheets,10,5,0,2024-10-01,2024-04-01,申請\n").utf8))
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("task_id A1 goes into production on 2024-09-01 on line 2 and on 2024-04-01 here") == true,
                "\(problems)")
        for later in ["2024-09-01", ""] {
            let one = try Self.load(Data((Self.header + "\n" + first + "A1,申請,市民課,ai-ocr,sheets,10,5,0,2024-10-01,\(later),申請\n").utf8))
            #expect(one.entries.count == 2)
            #expect(one.entries.allSatisfy { $0.productionFrom == LocalDate(year: 2024, month: 9, day: 1) })
        }
        // Given on the later row only, it holds for the task: a use under the first row before it does not count
        // (helper-94's production-from-first-row-none.sh: the task counted 達成 under a date printed as later).
        let laterOnly = try Self.load(Data((Self.header + "\nA1,申請,市民課,ai-ocr,sheets,10,4,0,2020-04-01,,申請\n"
            + "A1,申請,市民課,ai-ocr,sheets,10,5,0,2024-10-01,2024-09-01,申請\n").utf8))
        #expect(laterOnly.entries.allSatisfy { $0.productionFrom == LocalDate(year: 2024, month: 9, day: 1) })
    }

    /// Saved by Excel for Mac as "CSV (Macintosh)": lines end in a carriage return alone. Each row keeps its own line, which
    /// the report lists as the baseline used (helper-75's catalog_cr_only_lines.sh: every row was line 1).
    @Test func aCatalogWithCarriageReturnsAloneNumbersEachRow() throws {
        let text = [Self.header, "T01,a,税務課,rpa,runs,60,10,0,2024-04-01,,A", "T02,b,税務課,rpa,runs,30,5,0,2024-04-01,,B",
                    "T01,a,税務課,rpa,runs,90,10,0,2025-04-01,,A"].joined(separator: "\r") + "\r"
        let catalog = try Self.load(Data(text.utf8))
        #expect(catalog.entries.map(\.line).sorted() == [2, 3, 4])
        #expect(catalog.entries.first { $0.taskID == "T02" }?.line == 3)
        let problems = try Self.problems(Data((text + "T03,c,税務課,rpa,runs,x,5,0,2024-04-01,,C\r").utf8))
        #expect(problems.map(\.line) == [5])
    }

    /// helper-75's catalog_minor.sh: a second `match` column was passed over, its names unmapped.
    @Test func aColumnGivenTwiceIsACatalogError() throws {
        let twice = try Self.problems(Data((Self.header + ",match\nT01,a,税務課,rpa,runs,60,10,0,2024-04-01,,A,B\n").utf8))
        #expect(twice.map(\.line) == [1])
        #expect(twice.first?.message.hasPrefix("column match appears 2 times (columns 11, 12)") == true)
        // A department left empty stays allowed: a task whose logs always name theirs needs none (helper-76).
        #expect(try Self.load(Data((Self.header + "\nT01,a,,rpa,runs,60,10,0,2024-04-01,,A\n").utf8)).entries.count == 1)
    }

    /// One task's id, or one department's name, typed in other letters on another row (`Ａ０６` with the IME on, `a06`,
    /// `ＤＸ推進課`): as text they were two tasks, each AI-supported task counted towards the target, every job exiting 0.
    @Test func oneTaskOrDepartmentInOtherLettersIsACatalogError() throws {
        let rows = [
            Self.header,
            "A06,多言語情報提供,国際交流課,translation,runs,10,0,,2024-04-01,,翻訳", //          2
            "Ａ０６,多言語情報提供,国際交流課,chatbot,runs,5,0,,2024-04-01,,FAQ", //            3: full-width
            "a06,多言語情報提供,国際交流課,ai-ocr,sheets,5,0,,2024-04-01,,帳票", //             4: lower case
            "R01,住民票,DX推進課,rpa,runs,10,0,,2024-04-01,,住民票", //                        5
            "R02,印鑑,ＤＸ推進課 ,rpa,runs,10,0,,2024-04-01,,印鑑", //                         6: full-width
            "R03,転入,DX推進課,rpa,runs,10,0,,2024-04-01,,転入", //                            7: the same: fine
        ]
        let problems = try Self.problems(Data(rows.joined(separator: "\n").utf8))
        #expect(problems.map(\.line) == [3, 4, 6], "\(problems)")
        #expect(problems.first?.message.hasPrefix("task_id Ａ０６ is task_id A06 of line 2 in other letters") == true, "\(problems)")
        #expect(problems.last?.message.hasPrefix("department ＤＸ推進課 is department DX推進課 of line 5 in other letters") == true, "\(problems)")
    }

    /// Excel leaves a line break in a cell (Alt+Enter at its end, a copied cell pasted into the formula bar): `"A06⏎"` was a
    /// task of its own, counted as a second AI-supported task, and `"上下水道課⏎"` a second department, with exit 0
    /// (helper-177 #1, #2). Around a cell's text a line break is trimmed as a space is; inside it, the row is refused.
    @Test func aLineBreakExcelLeftInACellIsTrimmedAroundTheTextAndRefusedInsideIt() throws {
        let rows = [
            Self.header,
            "A06,多言語情報提供,国際交流課,ai-ocr,sheets,5,0,,2024-04-01,,帳票", //                       2
            "\"A06\r\n\",多言語情報提供,\"国際交流課\n\",translation,runs,10,0,,2024-04-01,,翻訳", //  3: breaks after the text
            "R01,住民票,上下水道課,rpa,runs,10,0,,\"\n2024-04-01\",,住民票", //                          4: a break before it
        ]
        let catalog = try Self.load(Data(rows.joined(separator: "\r\n").utf8))
        #expect(catalog.entries.map(\.taskID) == ["A06", "A06", "R01"])
        #expect(catalog.entries.map(\.department) == ["国際交流課", "国際交流課", "上下水道課"])
        #expect(catalog.entries.last?.validFrom == LocalDate(year: 2024, month: 4, day: 1))

        let inside = [
            Self.header,
            "R01,住民票,\"上下水道課\n第2係\",rpa,runs,10,0,,2024-04-01,,住民票", //                    2–3: a name on two lines
            "\"R\r\n02\",印鑑,上下水道課,rpa,runs,10,0,,2024-04-01,,印鑑", //                           4–5
            "R03,転入,上下水道課,rpa,runs,10,0,,2024-04-01,\"\",\"転入\u{2028}届\"", //                6: a line separator
        ]
        let problems = try Self.problems(Data(inside.joined(separator: "\n").utf8))
        // Each row is named by the line it begins on.
        #expect(problems.map(\.line) == [2, 4, 6], "\(problems)")
        for (problem, column) in zip(problems, ["department", "task_id", "match"]) {
            #expect(problem.message.hasPrefix("column \(column) holds a line break inside its text"), "\(problem)")
        }
    }

    /// A row with several problems names every one of them, so that one pass of edits fixes the row (helper-177 #5: `6分`
    /// and `1,5` on one line, named one run after the other).
    @Test func aRowWithSeveralProblemsNamesThemAll() throws {
        let rows = [
            Self.header,
            "T01,住民票,市民課,robotics,runs,6分,\"1,5\",,2024-13-01,2024-02-30,", // every column Kouka reads wrong
        ]
        let problems = try Self.problems(Data(rows.joined(separator: "\n").utf8))
        // Each its own problem of line 2, so that a message holding "; " is not read as two (helper-178 #5).
        #expect(problems.map(\.line) == [2, 2, 2, 2, 2, 2], "\(problems)")
        for start in ["system robotics is not one of", "valid_from 2024-13-01 is not a date", "production_from 2024-02-30 is not a date",
                      "match is empty", "column manual_minutes_per_unit is not a non-negative number: 6分",
                      "column residual_minutes_per_unit is not a non-negative number: 1,5"] {
            #expect(problems.contains { $0.message.hasPrefix(start) }, "\(start) in \(problems)")
        }
        // An empty cell is named as empty, not as a value of nothing.
        let empty = try Self.problems(Data([Self.header, "T01,住民票,市民課,,,6,1,,,,a"].joined(separator: "\n").utf8)).map(\.message)
        #expect(empty.map { $0.prefix(20) } == ["system is empty: not", "unit is empty: not o", "valid_from is empty:"], "\(empty)")
    }

    /// A task's name describes it and is not what it is counted by: on two lines it is read as it is (helper-178 #3).
    @Test func aTasksNameMayRunOverTwoLines() throws {
        let catalog = try Self.load(Data([Self.header, "T01,\"住民票の写し\n交付\",市民課,rpa,runs,6,1,,2024-04-01,,a"].joined(separator: "\n").utf8))
        #expect(catalog.entries.map(\.name) == ["住民票の写し\n交付"])
    }
}
