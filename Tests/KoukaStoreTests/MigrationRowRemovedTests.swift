import Foundation
@testable import Kouka
import Testing

/// A migration's row removed from `migrations` behind Kouka's back: opening the store tries to make what is already
/// there, and that is said for what it is, not as a full or read-only disk.
struct MigrationRowRemovedTests {
    @Test func aStoreLackingTheRowOfWhatItHasIsNamedChanged() throws {
        let path = StoreFixtures.temporaryDatabasePath()
        defer { StoreFixtures.removeDatabase(path) }
        let store = try KoukaStore(path: path)
        // The last that makes something: one that only marks files to be read again (v23) is harmless run twice.
        let migration = try #require(Migrations.all.last { $0.sql.contains("ALTER TABLE") })
        let last = migration.name
        // The column it adds, which SQLite names as already there.
        let column = try #require(migration.sql.components(separatedBy: "ADD COLUMN ").last?.split(separator: " ").first)
        try store.db.execute("DELETE FROM migrations WHERE name = '\(last)'")
        #expect(throws: StoreError.schemaMismatch(path: path, table: "migrations",
                                                  problem: "it lacks \(last), yet what \(last) makes is there (duplicate column name: \(column))")) {
            try KoukaStore(path: path)
        }
    }
}
