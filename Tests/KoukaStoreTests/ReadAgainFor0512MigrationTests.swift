import Foundation
@testable import Kouka
import Testing

/// Migration v35: a store of 0.5.11 may hold a DeepL snapshot of a quiet day as a copy of the day before's, a Bot Framework
/// question delivered twice as unanswered, and the whole records of a JSON-lines file cut off as nothing. The files of those
/// formats on disk, counted or held as copies, lose their change time, so that the first 0.5.12 nightly run reads them whole;
/// other formats and deleted files keep theirs.
struct ReadAgainFor0512MigrationTests {
    @Test func theFormatsReadOtherwiseAreReadAgainOnceCopiesToo() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("deepl/usage_2025-03-29.json", "deepl-usage", .present), ("deepl/usage_2025-03-30.json", "deepl-usage", .duplicate),
            ("deepl/usage_2025-03-01.json", "deepl-usage", .gone), ("bot/t.transcript", "bot-framework-transcript", .present),
            ("pad/flows.jsonl", "power-automate-flowsession", .present), ("uipath/2024-06-01_Execution.log", "uipath-execution-log", .present),
            ("winactor/tasks.csv", "winactor-task-csv", .duplicate), ("minutes/x (transcribed on 13-May-2024 15-00-00).srt", "minutes-transcript", .present),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v35", of: lines)
        #expect(changed == ["deepl/usage_2025-03-29.json": 0, "deepl/usage_2025-03-30.json": 0, "deepl/usage_2025-03-01.json": MigrationReplay.readAt,
                            "bot/t.transcript": 0, "pad/flows.jsonl": 0, "uipath/2024-06-01_Execution.log": MigrationReplay.readAt,
                            "winactor/tasks.csv": MigrationReplay.readAt, "minutes/x (transcribed on 13-May-2024 15-00-00).srt": 0])
    }
}
