import Foundation
import Kouka
import Testing

/// A store that cannot be read whole is never read as if it held less: a value Kouka never writes, a renamed
/// column, a missing table and damaged pages each fail the read, naming the database, the table and (for a
/// value) the column.
@Suite(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
struct StoreReadFailureTests {
    typealias F = StoreFixtures

    /// A store file with one present file's rollup of April 1, 2024 and a rejected row of that day.
    static func store() throws -> String {
        let path = F.temporaryDatabasePath()
        let store = try KoukaStore(path: path)
        try store.replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(2)],
                                      rejections: [Rejection(file: "a.log", line: 4, reason: "r", day: F.april1)])
        return path
    }

    struct Tampering: CustomTestStringConvertible, Sendable {
        var sql: String
        var table: String
        var column: String
        var value: String
        var testDescription: String { sql }
    }

    static let tamperings = [
        Tampering(sql: "UPDATE rollups SET family = 'robot'", table: "rollups", column: "family", value: "robot"),
        Tampering(sql: "UPDATE rollups SET outcome = 'ok'", table: "rollups", column: "outcome", value: "ok"),
        Tampering(sql: "UPDATE rollups SET unit = 'bananas'", table: "rollups", column: "unit", value: "bananas"),
        Tampering(sql: "UPDATE rollups SET day = '2024-04-31'", table: "rollups", column: "day", value: "2024-04-31"),
        Tampering(sql: "UPDATE rollups SET events = 'many'", table: "rollups", column: "events", value: "many"),
        Tampering(sql: "UPDATE rollups SET off_hours = 2", table: "rollups", column: "off_hours", value: "2"),
        // A REAL column: text that is no number, an infinity (`9e999` in SQL), and an INTEGER column holding a REAL.
        Tampering(sql: "UPDATE rollups SET quantity = 'lots'", table: "rollups", column: "quantity", value: "lots"),
        Tampering(sql: "UPDATE rollups SET machine_seconds = 9e999", table: "rollups", column: "machine_seconds", value: "inf"),
        Tampering(sql: "UPDATE rollups SET events = 2.5", table: "rollups", column: "events", value: "2.5"),
        // A TEXT column holding a BLOB.
        Tampering(sql: "UPDATE rollups SET department = x'41'", table: "rollups", column: "department", value: "a blob of 1 bytes"),
        Tampering(sql: "UPDATE source_files SET status = 'mystery'", table: "source_files", column: "status", value: "mystery"),
        Tampering(sql: "UPDATE rejects SET day = 'yesterday'", table: "rejects", column: "day", value: "yesterday"),
        // Bytes that are not UTF-8 (a damaged page that SQLite's own checks pass): read as a string they would be mended
        // with U+FFFD, and the task's name would be another (helper-93's store-damaged-text-report0.sh, report exit 0).
        Tampering(sql: "UPDATE rollups SET task_name = CAST(x'e4bd41' AS TEXT)", table: "rollups", column: "task_name",
                  value: "text whose bytes are not UTF-8"),
        Tampering(sql: "UPDATE rollups SET department = CAST(x'c3' AS TEXT)", table: "rollups", column: "department",
                  value: "text whose bytes are not UTF-8"),
    ]

    @Test(arguments: tamperings)
    func aValueKoukaNeverWritesFailsTheReadWithTableAndColumn(_ tampering: Tampering) throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        try StoreSurgery.run(path, tampering.sql)
        let store = try KoukaStore(path: path)
        let expected = StoreError.undecodable(path: path, table: tampering.table, column: tampering.column, value: tampering.value)
        #expect(throws: expected) {
            switch tampering.table {
            case "rollups": _ = try store.rollups(from: F.april1, to: LocalDate(year: 2025, month: 3, day: 31))
            case "source_files": _ = try store.sources()
            default: _ = try store.rejections()
            }
        }
    }

    @Test func aDayThatNoPeriodWouldReadFailsTheCheckOfEveryDay() throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        // Sorted as text, R6-04-01 (令和6年) falls after every yyyy-MM-dd: no period's range would hold it.
        try StoreSurgery.run(path, "UPDATE rollups SET day = 'R6-04-01'")
        let store = try KoukaStore(path: path)
        #expect(try store.rollups(from: F.april1, to: LocalDate(year: 2025, month: 3, day: 31)).isEmpty)
        #expect(throws: StoreError.undecodable(path: path, table: "rollups", column: "day", value: "R6-04-01")) { try store.checkRollupDays() }
    }

    @Test func aRenamedColumnIsNamedBeforeAnythingIsRead() throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        try StoreSurgery.run(path, "ALTER TABLE rollups RENAME COLUMN events TO runs")
        let store = try KoukaStore(path: path)
        let error = #expect(throws: StoreError.self) { try store.checkSchema() }
        guard case let .schemaMismatch(failedPath, table, problem)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(failedPath == path && table == "rollups")
        #expect(problem.contains("no column events INTEGER NOT NULL"))
        // Read anyway, the rollups fail too, naming the table.
        let read = #expect(throws: StoreError.self) { try store.rollups(from: F.april1, to: F.april1) }
        guard case let .unreadable(_, readTable, _, reason)? = read else { Issue.record("got \(String(describing: read))"); return }
        #expect(readTable == "rollups")
        #expect(reason.contains("no such column"))
    }

    @Test func aMissingTableIsNamed() throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        try StoreSurgery.run(path, "DROP TABLE rejects")
        let store = try KoukaStore(path: path)
        #expect(throws: StoreError.schemaMismatch(path: path, table: "rejects", problem: "the table is missing")) { try store.checkSchema() }
    }

    @Test func damagedPagesFailEveryReadOfTheirTableAndThePageCheck() throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        #expect(try StoreSurgery.damagePages(of: "rollups", in: path) >= 1)
        let store = try KoukaStore(path: path)
        #expect(try store.sources().map(\.path) == ["a.log"], "the ledger's pages are whole")
        for read in [{ _ = try store.rollups(from: F.april1, to: F.april1) }, { try store.checkRollupDays() }, { try store.checkPages() }] {
            let error = #expect(throws: StoreError.self) { try read() }
            guard case let .unreadable(failedPath, table, code, _)? = error else { Issue.record("got \(String(describing: error))"); continue }
            #expect(failedPath == path && table == "rollups" && code & 0xFF == 11)
            #expect(error?.isInputFailure == false, "damage is a data error, not a disk's")
        }
    }

    @Test func aWriteOverDamagedPagesNamesTheTableAndLeavesTheStore() throws {
        let path = try Self.store()
        defer { F.removeDatabase(path) }
        try StoreSurgery.damagePages(of: "rollups", in: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try KoukaStore(path: path)
            let error = #expect(throws: StoreError.self) {
                try store.replaceContribution(of: F.record("b.log"), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
            }
            guard case let .unreadable(_, table, _, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(table == "rollups")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
