import Foundation
@testable import Kouka
import Testing

/// Migration v31: a store of 0.5.6 may count a CSV cell written in E notation (`1E+04` items as 10,000, though the cell held
/// 12,345 rounded by a spreadsheet's 指数 format). The files on disk of the formats that read such cells lose their change
/// time, so that the first 0.5.7 nightly run reads them whole; a robot's own logs (JSON numbers) and deleted files keep theirs.
struct ReadAgainFor057MigrationTests {
    @Test func theFilesOfFormatsReadingCSVCellsAreReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("robo/a.csv", "rpa-csv", .present), ("ocr/jobs.csv", "ai-ocr-csv", .present), ("tr/t.csv", "translation-usage", .present),
            ("uipath/2024-06-01_Execution.log", "uipath-execution-log", .present), ("robo/old.csv", "rpa-csv", .gone),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v31", of: lines)
        #expect(changed == ["robo/a.csv": 0, "ocr/jobs.csv": 0, "tr/t.csv": 0, "uipath/2024-06-01_Execution.log": MigrationReplay.readAt,
                            "robo/old.csv": MigrationReplay.readAt])
    }
}
