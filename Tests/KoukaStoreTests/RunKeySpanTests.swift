import Foundation
@testable import Kouka
import Testing

/// Run-key sets that overlap a file's days are found class by class of their span: a set of any span, written
/// before the span was kept or after, is still found, or a run would count twice.
@Suite struct RunKeySpanTests {
    static let first = LocalDate(year: 2021, month: 4, day: 1)

    @Test(arguments: [0, 1, 2, 3, 4, 7, 8, 364, 365, 1826, 40_000])
    func theSpanClassIsTheSmallestPowerOfTwoAboveTheSpan(span: Int) throws {
        let c = RunKeySpan.spanClass(of: Self.first...Self.first.adding(days: span))
        #expect(span < 1 << c)
        #expect(c == 0 || span >= 1 << (c - 1))
        // The migration computes the same class for sets written before.
        let db = try SQLiteConnection(path: ":memory:")
        var fromSQL: Int64 = -1
        try db.prepare("SELECT \(RunKeySpan.spanClassSQL) FROM (SELECT ? AS first_day, ? AS last_day)").query(
            [.text(Self.first.description), .text(Self.first.adding(days: span).description)]) { fromSQL = try $0.int(0) }
        #expect(fromSQL == Int64(c))
    }

    @Test func aLongSetWrittenBeforeTheMigrationIsStillFoundByADayInItsMiddle() throws {
        let path = StoreFixtures.temporaryDatabasePath()
        defer { StoreFixtures.removeDatabase(path) }
        do {
            // A store as the migrations before this one left it, with a year's export and its runs.
            let db = try SQLiteConnection(path: path)
            try db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY)")
            for migration in Migrations.all.prefix(while: { $0.name != "per-file lookups by index" }) {
                try db.execute(migration.sql)
                try db.prepare("INSERT INTO migrations (name) VALUES (?)").run([.text(migration.name)])
            }
            try db.execute("""
                INSERT INTO source_files (id, path, format, size, sha256, rows_read, rows_accepted, rows_rejected, pending_runs, byte_offset, status,
                modified_at, inode, prefix_fingerprint, resume_line) VALUES (1, 'year.csv', 'winactor-task-csv', 10, 'ab', 3, 3, 0, 0, 10, 'present', 0, 0, '', 0);
                INSERT INTO run_key_sets (source_id, first_day, last_day) VALUES (1, '2021-04-01', '2022-03-31');
                """)
            try db.prepare("INSERT INTO run_keys (source_id, chunk, hashes) VALUES (1, 0, ?)").run([.hashes([5, 42, 99])])
        }
        let store = try KoukaStore(path: path)
        let day = LocalDate(year: 2021, month: 10, day: 1)
        let found = try store.runsCounted(in: RunKeyStream(days: day...day) { body in try body(42); try body(43) },
                                          format: "winactor-task-csv", otherThan: "day.csv")
        #expect(found == [42: "year.csv"])
        // And a set written now, of a single day, is found by a file that spans it.
        try store.replaceContribution(of: StoreFixtures.record("day.log"), rollups: [:], rejections: [],
                                      runKeys: RunKeyStream(days: day...day) { body in try body(7) })
        let spanning = try store.runsCounted(in: RunKeyStream(days: Self.first...day.adding(days: 300)) { body in try body(7) },
                                             format: "uipath-execution-log", otherThan: "export.log")
        #expect(spanning == [7: "day.log"])
    }
}
