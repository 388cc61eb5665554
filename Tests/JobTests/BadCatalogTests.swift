import Foundation
import Testing

/// A catalog that cannot be trusted stops `kouka-nightly` before it reads a log or opens the store:
/// exit 65, and every problem named by the catalog's line, so that one round of edits fixes them all.
@Suite(.serialized) struct BadCatalogTests {
    let root: URL
    static let header = "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        try write("logs/flows.json", #"[{"name": "住民税_課税資料取込", "startedon": "2024-05-01T00:00:00Z", "runduration": 60, "statuscode": 4}]"#)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    /// Runs the nightly job over `catalog` and checks what every bad catalog must give: 65, the problems
    /// in the summary's error and on stderr, and nothing written. Returns the error text.
    func stops(with catalog: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try write("catalog.csv", catalog)
        let result = try JobProcess.run("kouka-nightly", ["--config", root.appendingPathComponent("kouka.toml").path])
        #expect(result.exitCode == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("level=error"), sourceLocation: sourceLocation)
        #expect(try result.summary()["exitCode"] as? Int == 65, sourceLocation: sourceLocation)
        for name in ["kouka.sqlite", "kouka.sqlite.lock", "reports"] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path), "\(name) was written", sourceLocation: sourceLocation)
        }
        return try result.summary()["error"] as? String ?? ""
    }

    @Test func aMissingColumnExits65NamingTheColumnAndTheHeaderLine() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try stops(with: "task_id,name,department,system,unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,5,2020-04-01,住民税_*\n")
        #expect(error.contains("catalog.csv:1: missing column(s) manual_minutes_per_unit;"), "\(error)")
    }

    @Test func aDuplicateTaskVersionExits65WithBothLines() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try stops(with: """
            \(Self.header)
            T01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*
            T02,入力,市民課,rpa,runs,20,5,2020-04-01,転入届入力
            T01,取込,税務課,rpa,runs,40,5,2020-04-01,住民税_*

            """)
        #expect(error.contains("catalog.csv:4: task_id T01 already has a rpa row valid from 2020-04-01 (line 2)"), "\(error)")
    }

    @Test func aNameTwoTasksClaimWhileBothAreInForceExits65WithBothLines() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // T02's row from 2022 overlaps T01's, which is never ended by a newer version.
        let error = try stops(with: """
            \(Self.header)
            T01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_課税資料取込
            T02,取込（新）,税務課,rpa,runs,30,5,2022-04-01,住民税_課税資料取込

            """)
        #expect(error.contains("catalog.csv:3: match name 住民税_課税資料取込 is also claimed by task_id T01 (line 2) while both rows are in force"), "\(error)")
    }

    @Test func wildcardsOfTwoTasksThatShareNamesWithNeitherMoreSpecificExit65WithBothLines() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // 国保* and *確認 both match 国保確認; 国保年金 is only the first's, 資格確認 only the second's: no
        // pattern is more specific, so a run of 国保確認 would be either task's. Refused before any log is read.
        let error = try stops(with: """
            \(Self.header)
            T1,国保,保険年金課,rpa,runs,60,0,2024-04-01,国保*
            T2,確認,保険年金課,rpa,runs,6,0,2024-04-01,*確認

            """)
        #expect(error.contains("catalog.csv:3: match pattern *確認 and 国保* of task_id T1 (line 2) both match names such as 国保確認"), "\(error)")
    }

    @Test func everyProblemIsNamedInOneRun() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try stops(with: """
            \(Self.header)
            T01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_課税資料取込
            T01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_課税資料取込
            T02,入力,市民課,rpa,runs,20,5,2021-04-01,住民税_課税資料取込
            T03,照会,市民課,rpa,runs,abc,5,2021-04-01,照会

            """)
        #expect(error.contains("has 3 problem(s)"), "\(error)")
        for line in [3, 4, 5] { #expect(error.contains("catalog.csv:\(line): "), "line \(line): \(error)") }
    }

    @Test func moreResidualThanManualMinutesExits65WithTheLine() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // 5 manual minutes, 30 left after automation: every run would count as 25 minutes lost.
        let error = try stops(with: "\(Self.header)\nT01,取込,税務課,rpa,runs,5,30,2020-04-01,住民税_*\n")
        #expect(error.contains("catalog.csv:2: residual_minutes_per_unit 30 is more than manual_minutes_per_unit 5"), "\(error)")
    }
}
