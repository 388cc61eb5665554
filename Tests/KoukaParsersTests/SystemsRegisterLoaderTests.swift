import Foundation
import Kouka
import Testing

/// `SystemsRegisterLoader`: the DX office's register of new systems, read like the catalog (UTF-8 with or
/// without BOM, Shift_JIS as Excel saves it), every bad row reported at once by line.
struct SystemsRegisterLoaderTests {
    static func load(_ data: Data) throws -> SystemsRegister {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try SystemsRegisterLoader.load(path: try dir.write("systems.csv", data), displayPath: "systems.csv")
    }

    @Test func shiftJISWithJapaneseHeadersAsExcelSavesIt() throws {
        let text = "システム名,担当課,種別,稼働開始日,根拠,廃止日\r\n子育て電子申請,子育て支援課,電子申請,2024/10/01,決定 R6-12,\r\n旧予約,市民課,予約,2021-05-01,契約 R3-1,2024-03-31\r\n"
        let register = try Self.load(text.data(using: .shiftJIS)!)
        #expect(register.systems.map(\.name) == ["子育て電子申請", "旧予約"])
        #expect(register.systems.map(\.goLive) == [LocalDate(year: 2024, month: 10, day: 1), LocalDate(year: 2021, month: 5, day: 1)])
        #expect(register.systems[1].retired == LocalDate(year: 2024, month: 3, day: 31))
        #expect(register.systems.map(\.line) == [2, 3])
    }

    @Test func utf8WithBOMAndEnglishHeaders() throws {
        let text = "\u{FEFF}system,department,kind,go_live,evidence\nAI-OCR,税務課,AI-OCR,2024-04-01,契約 R6-3\n"
        let register = try Self.load(Data(text.utf8))
        #expect(register.systems.first?.evidence == "契約 R6-3")
        #expect(register.systems.first?.retired == nil)
    }

    @Test func everyBadRowIsListedByLine() throws {
        let text = """
            system,department,kind,go_live,evidence,retired
            A,税務課,電子申請,2024-13-01,契約 1,
            B,税務課,電子申請,2024-04-01,,
            C,税務課,電子申請,2024-04-01,契約 3,2023-01-01
            A2,税務課,電子申請,2024-04-01,契約 4,
            A2,市民課,電子申請,2024-05-01,契約 5,

            """
        do {
            _ = try Self.load(Data(text.utf8))
            Issue.record("the register loaded")
        } catch let error as SystemsRegisterError {
            #expect(error.problems.map(\.line) == [2, 3, 4, 6])
            #expect(error.problems[0].message == "go_live 2024-13-01 is not a date (yyyy-MM-dd)")
            #expect(error.problems[1].message == "evidence is empty")
            #expect(error.problems[2].message == "retired 2023-01-01 is before go_live 2024-04-01")
            #expect(error.problems[3].message.contains("already registered on line 5"))
            #expect(error.description.contains("systems.csv:6: "))
        }
    }

    /// One system's name in full-width and half-width letters is one system registered twice (helper-124: counted twice).
    @Test func aNameInFullWidthLettersIsTheSameSystem() throws {
        let text = "system,department,kind,go_live,evidence\nAI-OCR導入,税務課,AI-OCR,2024-06-01,契約 R6-3\nＡＩ－ＯＣＲ導入,税務課,AI-OCR,2024-06-01,契約 R6-3\nai-ocr導入,税務課,AI-OCR,2024-06-01,契約 R6-3\n"
        do {
            _ = try Self.load(Data(text.utf8))
            Issue.record("the register loaded")
        } catch let error as SystemsRegisterError {
            #expect(error.problems.map(\.line) == [3, 4])
            #expect(error.problems.first?.message == "system ＡＩ－ＯＣＲ導入 is already registered on line 2; give each system one row")
        }
    }

    @Test func aMissingColumnStopsAtTheHeader() throws {
        do {
            _ = try Self.load(Data("system,department,kind,go_live\nA,税務課,x,2024-04-01\n".utf8))
            Issue.record("the register loaded")
        } catch let error as SystemsRegisterError {
            #expect(error.problems.map(\.line) == [1])
            #expect(error.problems.first?.message == "missing column(s) evidence; the header must name system,department,kind,go_live,evidence (retired is optional)")
        }
    }

    @Test func aGoLiveAfterTheAsOfDayIsPlannedNotCounted() {
        let register = SystemsRegister(systems: [
            RegisteredSystem(name: "A", department: "d", kind: "k", goLive: LocalDate(year: 2024, month: 6, day: 1), evidence: "e", line: 2),
            RegisteredSystem(name: "B", department: "d", kind: "k", goLive: LocalDate(year: 2024, month: 12, day: 1), evidence: "e", line: 3),
            RegisteredSystem(name: "C", department: "d", kind: "k", goLive: LocalDate(year: 2025, month: 4, day: 1), evidence: "e", line: 4),
        ], path: "systems.csv", sha256: "")
        let counted = register.goLives(in: FiscalYear(2024), asOf: LocalDate(year: 2024, month: 11, day: 30))
        #expect(counted.live.map(\.name) == ["A"])
        #expect(counted.planned.map(\.name) == ["B"])
    }
}

/// The catalog's optional `expected_units_per_year`: a number 0 or more, only with a `production_from`.
struct CatalogExpectedVolumeTests {
    static let header = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match,production_from,expected_units_per_year"

    @Test func readWithItsProductionDate() throws {
        let catalog = try TaskCatalogLoaderTests.load(Data("\(Self.header)\nT1,a,税務課,rpa,runs,60,10,2025-04-01,A,2025-07-01,\"1,200\"\nT2,b,税務課,rpa,runs,60,10,2020-04-01,B,,\n".utf8))
        #expect(catalog.entries.map(\.expectedUnitsPerYear) == [1200, nil])
    }

    @Test func badValuesAreCatalogErrorsByLine() throws {
        let problems = try TaskCatalogLoaderTests.problems(Data("""
            \(Self.header)
            T1,a,税務課,rpa,runs,60,10,2025-04-01,A,2025-07-01,-5
            T2,b,税務課,rpa,runs,60,10,2025-04-01,B,2025-07-01,many
            T3,c,税務課,rpa,runs,60,10,2025-04-01,C,,100
            T4,d,税務課,rpa,runs,60,10,2025-04-01,D,2025-07-01,nan
            T5,e,税務課,rpa,runs,60,10,2025-04-01,E,2025-07-01,1.2E+04
            T6,f,税務課,rpa,runs,60,10,2025-04-01,F,2025-07-01,"36,5"

            """.utf8))
        #expect(problems.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(problems[5].message.hasPrefix("expected_units_per_year 36,5 is not a number 0 or more"), "a comma only groups thousands (helper-102 #7)")
        #expect(problems[4].message == "expected_units_per_year 1.2E+04 is written in E notation, which keeps only the digits a spreadsheet showed; write the units the task is expected to handle in a year as digits")
        #expect(problems[0].message == "expected_units_per_year -5 is not a number 0 or more; give the units the task is expected to handle in a year, or leave it empty")
        #expect(problems[2].message == "expected_units_per_year is given but production_from is empty; give the day the task goes into production, or leave expected_units_per_year empty")
    }

    /// A system registered twice, once with the line break Excel leaves at a cell's end, was counted as two new systems
    /// towards the target, exit 0 (helper-177 #3): the break is trimmed, and the second row is the name registered again.
    @Test func aNameWithALineBreakExcelLeftIsTheSameSystem() throws {
        let text = "システム名,担当課,種別,稼働開始日,根拠\r\n子育て電子申請システム,子育て支援課,電子申請,2024/10/01,決定 R6-12\r\n\"子育て電子申請システム\r\n\",子育て支援課,電子申請,2024/10/01,決定 R6-12\r\n"
        do {
            let register = try SystemsRegisterLoaderTests.load(text.data(using: .shiftJIS)!)
            Issue.record("loaded \(register.systems.map(\.name))")
        } catch let error as SystemsRegisterError {
            #expect(error.problems.map(\.line) == [3], "\(error.problems)")
            #expect(error.problems.first?.message.contains("already registered on line 2") == true, "\(error.problems)")
        }
    }

    /// The evidence may list two documents on two lines (Alt+Enter): it names no system and counts nothing, where a line
    /// break inside the system's or department's name refuses the row (helper-178 #3: every report stopped with 65).
    @Test func evidenceOnTwoLinesIsReadAndANameOnTwoLinesIsRefused() throws {
        let text = "システム名,担当課,種別,稼働開始日,根拠\n子育て電子申請,子育て支援課,電子申請,2024/10/01,\"契約書 R6-012\n議会議決 R6第3号\"\n"
        let register = try SystemsRegisterLoaderTests.load(Data(text.utf8))
        #expect(register.systems.map(\.evidence) == ["契約書 R6-012\n議会議決 R6第3号"])
        let twoLines = "システム名,担当課,種別,稼働開始日,根拠\n\"子育て\n電子申請\",子育て支援課,電子申請,2024/10/01,契約書\n"
        do {
            _ = try SystemsRegisterLoaderTests.load(Data(twoLines.utf8))
            Issue.record("the register loaded")
        } catch let error as SystemsRegisterError {
            #expect(error.problems.map(\.message) == ["column システム名 holds a line break inside its text (Alt+Enter in Excel): on two lines it is another name than on one, counted apart; put it on one line"])
        }
    }
}
