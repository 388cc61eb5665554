import Foundation
@testable import Kouka
import Testing

/// Migration v30: a store of 0.5.5 may count a translation count written with a point (`12.500` as 12.5 characters) and a
/// time at second 60 as the next minute, which any format's file may hold. Every file on disk loses its change time, so that
/// the first 0.5.6 nightly run reads it whole; deleted files, which cannot be read, keep theirs.
struct ReadAgainFor056MigrationTests {
    @Test func everyFileOnDiskIsReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("tr/t.csv", "translation-usage", .present), ("deepl/usage_2024-07-19.json", "deepl-usage", .present),
            ("robo/a.csv", "rpa-csv", .present), ("wa/tasks.csv", "winactor-task-csv", .gone),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v30", of: lines)
        #expect(changed == ["tr/t.csv": 0, "deepl/usage_2024-07-19.json": 0, "robo/a.csv": 0, "wa/tasks.csv": MigrationReplay.readAt])
    }
}
