import Foundation
@testable import Kouka
import Testing

/// Migration v26: a store of 0.5.4 may count one recording's transcripts in several formats, a name's `2024-7-19` as the
/// 1st, a translation count's `1,2` as 12, an OData page as the whole, or a robot run unfinished whose end was the next
/// day's last line without a newline. Its files of those formats that are on disk lose their change time, so that the first
/// 0.5.5 nightly run reads them whole; other files, and deleted ones, keep theirs.
struct ReadAgainFor055MigrationTests {
    @Test func theFilesOfTheFormatsWhoseRulesChangedAreReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("min/2024-05-07_m.srt", "minutes-transcript", .present), ("min/gone.vtt", "minutes-transcript", .gone),
            ("deepl/usage_2024-7-19.json", "deepl-usage", .present), ("tr/t.csv", "translation-usage", .present),
            ("pad/flows.json", "power-automate-flowsession", .present), ("orch/jobs.json", "uipath-orchestrator", .present),
            ("ui/2024-04-01_Execution.log", "uipath-execution-log", .present), ("robo/a.csv", "rpa-csv", .present),
            ("wa/tasks.csv", "winactor-task-csv", .present),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v26", of: lines)
        #expect(changed == [
            "min/2024-05-07_m.srt": 0, "min/gone.vtt": MigrationReplay.readAt, "deepl/usage_2024-7-19.json": 0, "tr/t.csv": 0, "pad/flows.json": 0,
            "orch/jobs.json": 0, "ui/2024-04-01_Execution.log": 0, "robo/a.csv": MigrationReplay.readAt, "wa/tasks.csv": MigrationReplay.readAt,
        ])
    }
}
