@testable import Kouka
import Testing

/// The connection keeps compiled statements by their SQL, hashing only its length and last bytes: two statements that
/// hash alike must still each run their own SQL, or a query would silently run another's.
@Suite struct CompiledStatementCacheTests {
    /// Two queries of one length whose last `StatementKey.hashedBytes` bytes are the same: they differ only at the start.
    static let tail = String(repeating: " ", count: StatementKey.hashedBytes) + "AS value"
    static let one = "SELECT 1 " + tail, two = "SELECT 2 " + tail

    static func value(of sql: String, on db: SQLiteConnection) throws -> Int64 {
        var value: Int64 = -1
        try db.prepare(sql, reading: "none").query { value = try $0.int(0) }
        return value
    }

    @Test func statementsThatHashAlikeRunTheirOwnSQL() throws {
        #expect(Self.one.utf8.count == Self.two.utf8.count)
        #expect(StatementKey(sql: Self.one).hashValue == StatementKey(sql: Self.two).hashValue)
        #expect(StatementKey(sql: Self.one) != StatementKey(sql: Self.two))
        let db = try SQLiteConnection(path: ":memory:")
        // Each is compiled, run and kept, then taken from the kept ones and run again, in turns.
        for _ in 0..<3 {
            #expect(try Self.value(of: Self.one, on: db) == 1)
            #expect(try Self.value(of: Self.two, on: db) == 2)
        }
    }

    @Test func aKeptStatementIsRunAgainWithItsNewValues() throws {
        let db = try SQLiteConnection(path: ":memory:")
        for n in Int64(1)...6 {
            var value: Int64 = -1
            try db.prepare("SELECT ? + 1", reading: "none").query([.integer(n)]) { value = try $0.int(0) }
            #expect(value == n + 1)
        }
    }
}
