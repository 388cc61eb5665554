import Foundation
import Testing

/// The ledger's last line deleted with the sqlite3 CLI or Python (foreign keys off, their default) leaves its file's rollups
/// behind, and SQLite gives the file's next line the same number: every nightly run stopped on the constraint with advice
/// to free disk space (helper-133). It still stops (the store was changed outside Kouka), telling the user what to do.
@Suite struct LedgerLineRemovedOutsideKoukaTests {
    @Test func rowsLeftBehindByARemovedLineStopTheNightWithWhatToDo() throws {
        let (root, config) = try QualityVerifyTests.sampleCity()
        defer { try? FileManager.default.removeItem(at: root) }
        try QualityVerifyTests.sql(root.appendingPathComponent("out/kouka.sqlite").path, "DELETE FROM source_files WHERE id = (SELECT max(id) FROM source_files)")
        let night = try JobProcess.run("kouka-nightly", ["--config", config])
        #expect(night.exitCode == 65)
        #expect(night.stderr.contains("the store holds rows Kouka's own writes never leave"), "\(night.stderr)")
        #expect(!night.stderr.contains("free space"), "\(night.stderr)")
    }
}
