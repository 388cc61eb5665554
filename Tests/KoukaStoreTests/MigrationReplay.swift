import Foundation
@testable import Kouka

/// A store written before a migration that clears change times: its ledger lines, each read at 1,700,000,000, with the
/// migration taken back, then opened again so that it is applied.
enum MigrationReplay {
    static let readAt: Double = 1_700_000_000

    /// Each line's change time once `migration` was applied to a store holding `lines`.
    static func changeTimes(after migration: String, of lines: [(path: String, format: String, status: SourceFileRecord.Status)]) throws -> [String: Double] {
        let path = StoreFixtures.temporaryDatabasePath()
        defer { StoreFixtures.removeDatabase(path) }
        do {
            let store = try KoukaStore(path: path)
            for line in lines {
                var record = StoreFixtures.record(line.path, status: line.status)
                record.format = line.format
                record.changedAt = readAt
                try store.replaceContribution(of: record, rollups: [:], rejections: [])
            }
            try store.db.execute("DELETE FROM migrations WHERE name = '\(migration)'")
        }
        return Dictionary(uniqueKeysWithValues: try KoukaStore(path: path).sources().map { ($0.path, $0.changedAt) })
    }
}
