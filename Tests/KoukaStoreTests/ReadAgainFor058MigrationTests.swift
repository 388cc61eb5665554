import Foundation
@testable import Kouka
import Testing

/// Migration v33: a store of 0.5.7 keeps each transcript's run id hashed from its whole path, which 0.5.8 no longer gives
/// (helper-104 #1). The transcripts on disk lose their change time, so that the first 0.5.8 nightly run reads them whole and
/// keeps their new run ids; other formats and deleted transcripts keep theirs.
struct ReadAgainFor058MigrationTests {
    @Test func theTranscriptsOnDiskAreReadAgainOnce() throws {
        let lines: [(path: String, format: String, status: SourceFileRecord.Status)] = [
            ("minutes/庁議/2024-01-08_庁議.json", "minutes-transcript", .present), ("minutes/庁議/2021-04-05_庁議.srt", "minutes-transcript", .gone),
            ("robo/a.csv", "rpa-csv", .present), ("uipath/2024-06-01_Execution.log", "uipath-execution-log", .present),
        ]
        let changed = try MigrationReplay.changeTimes(after: "v33", of: lines)
        #expect(changed == ["minutes/庁議/2024-01-08_庁議.json": 0, "minutes/庁議/2021-04-05_庁議.srt": MigrationReplay.readAt,
                            "robo/a.csv": MigrationReplay.readAt, "uipath/2024-06-01_Execution.log": MigrationReplay.readAt])
    }
}
