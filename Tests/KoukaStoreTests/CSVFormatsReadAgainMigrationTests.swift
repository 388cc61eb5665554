import Foundation
@testable import Kouka
import Testing

/// Migration v25: a store of 0.5.3 may count a CSV row wider than its header (an unquoted `1,200` counted as 1 item) or a
/// transcript's spoken arrow as a cue end. Its files of the formats read as CSV, and its transcripts, that are on disk lose
/// their change time, so that the first 0.5.4 nightly run reads them whole; other files, and deleted ones, keep theirs.
struct CSVFormatsReadAgainMigrationTests {
    @Test func theFilesOfFormatsReadAsCSVAreReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("robo/a.csv", "rpa-csv", .present), ("wa/tasks.csv", "winactor-task-csv", .present), ("tr/t.csv", "translation-usage", .present),
            ("robo/gone.csv", "rpa-csv", .gone), ("ui/2024-04-01_Execution.log", "uipath-execution-log", .present),
            ("min/2024-05-07_m.srt", "minutes-transcript", .present),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v25", of: lines)
        #expect(changed == ["robo/a.csv": 0, "wa/tasks.csv": 0, "tr/t.csv": 0, "robo/gone.csv": MigrationReplay.readAt, "ui/2024-04-01_Execution.log": MigrationReplay.readAt, "min/2024-05-07_m.srt": 0])
    }
}
