import Foundation
@testable import Kouka
import Testing

/// Migration v34: a store of 0.5.10 may count as a success a UiPath run whose Error line was cut after another job's line
/// (two runs open at once), every day's DeepL running total dated by `date` as a period of its own, and Dataverse records saved
/// one a line as nothing. The files of those formats on disk lose their change time, so that the first 0.5.11 nightly run
/// reads them whole; other formats (WinActor) and deleted logs keep theirs.
struct ReadAgainFor0511MigrationTests {
    @Test func theRobotsLogsOnDiskAreReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("uipath/2024-06-01_Execution.log", "uipath-execution-log", .present), ("uipath/2024-05-01_Execution.log", "uipath-execution-log", .gone),
            ("winactor/tasks.csv", "winactor-task-csv", .present), ("orchestrator/jobs.csv", "uipath-orchestrator", .present),
            ("deepl/usage.jsonl", "deepl-usage", .present),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v34", of: lines)
        #expect(changed == ["uipath/2024-06-01_Execution.log": 0, "uipath/2024-05-01_Execution.log": MigrationReplay.readAt,
                            "winactor/tasks.csv": MigrationReplay.readAt, "orchestrator/jobs.csv": 0, "deepl/usage.jsonl": 0])
    }
}
