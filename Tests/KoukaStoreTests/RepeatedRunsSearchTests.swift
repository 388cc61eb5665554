@testable import Kouka
import Testing

/// The repeated runs a file left out as counted in another are found by their reason's text: for a file back from away
/// (`filesLeavingRunsOut`) and a file renamed (`renameSource`). That search must go through the repeated runs alone
/// (`rejects_repeated_by_source`, migration v33), not through every ledger line: the work must not grow with the ledger.
struct RepeatedRunsSearchTests {
    typealias F = StoreFixtures

    /// A store of `lines` counted files, the first of which left two runs out as counted in `b.log` and quarantined a row
    /// that is not a repeated run; the others left nothing out.
    static func store(lines: Int) throws -> KoukaStore {
        let store = try KoukaStore(path: ":memory:")
        let counted = RunAdmission.countedInText("b.log")
        try store.replaceContribution(of: F.record("a.log"), rollups: [:], rejections: [
            Rejection(file: "a.log", line: 3, reason: "the task id is already counted in \(counted)", isRepeatedRun: true, day: F.april1),
            Rejection(file: "a.log", line: 4, reason: "the task id is already counted in \(counted)", isRepeatedRun: true, day: F.april1),
            Rejection(file: "a.log", line: 5, reason: "column 状態 is empty: \(counted)"),
        ])
        try store.replaceContribution(of: F.record("b.log", status: .gone), rollups: [:], rejections: [])
        for index in 0..<lines - 2 {
            try store.replaceContribution(of: F.record("robot/\(index).log"), rollups: [:], rejections: [
                Rejection(file: "robot/\(index).log", line: 2, reason: "column 状態 is empty"),
            ])
        }
        return store
    }

    /// The work of the statement `run` runs whose SQL holds `marker`, and its plan.
    static func work(of store: KoukaStore, marker: String, _ run: () throws -> Void) throws -> (SQLiteWork, [String]) {
        store.noteStatements()
        try run()
        let noted = store.statementsNoted.filter { $0.key.contains(marker) }
        try #require(noted.count == 1, "one statement holds \(marker): \(noted.keys)")
        let (sql, work) = noted.first!
        return (work, try store.queryPlan(of: sql))
    }

    @Test func aFileBackFromAwayFindsTheFilesLeavingItsRunsOutThroughTheRepeatedRunsAlone() throws {
        var works: [SQLiteWork] = []
        for lines in [10, 1_000] {
            let store = try Self.store(lines: lines)
            var found: [String: Int] = [:]
            let (work, plan) = try Self.work(of: store, marker: "instr(r.reason") {
                found = try store.filesLeavingRunsOut(for: "b.log", format: "uipath-execution-log")
            }
            #expect(found == ["a.log": 2], "the two repeated runs, not the row whose reason names b.log but is no repeated run")
            #expect(plan.contains { $0.hasPrefix("SCAN r USING INDEX rejects_repeated_by_source") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN s") }, "no scan of the ledger: \(plan)")
            works.append(work)
        }
        #expect(works[1].vmSteps == works[0].vmSteps, "10 lines: \(works[0]); 1,000 lines: \(works[1])")
        #expect(works[1].fullScanSteps == works[0].fullScanSteps)
    }

    @Test func aRenameRenamesTheRunsCountedInTheFileThroughTheRepeatedRunsAlone() throws {
        var works: [SQLiteWork] = []
        for lines in [10, 1_000] {
            let store = try Self.store(lines: lines)
            let (work, plan) = try Self.work(of: store, marker: "UPDATE rejects SET reason") {
                try store.renameSource(from: "b.log", to: "c.log")
            }
            #expect(try store.filesLeavingRunsOut(for: "c.log", format: "uipath-execution-log") == ["a.log": 2])
            #expect(try store.filesLeavingRunsOut(for: "b.log", format: "uipath-execution-log").isEmpty)
            #expect(plan == ["SCAN rejects USING INDEX rejects_repeated_by_source"], "\(plan)")
            works.append(work)
        }
        #expect(works[1].vmSteps == works[0].vmSteps, "10 lines: \(works[0]); 1,000 lines: \(works[1])")
    }
}
