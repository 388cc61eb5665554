import Testing
@testable import Kouka

/// Verification loads and compares the rollups only of the files whose digests do not prove them the same.
struct RollupFilesToCompareTests {
    static func line(_ id: Int64, _ path: String, _ status: SourceFileRecord.Status = .present) -> SourceFileRecord {
        SourceFileRecord(id: id, path: path, format: "uipath-execution-log", size: 1, sha256: "s", status: status)
    }

    @Test func onlyFilesWhoseDigestsDoNotProveThemTheSameAreCompared() {
        let stored = [Self.line(1, "same"), Self.line(2, "changed"), Self.line(3, "no digest stored"), Self.line(4, "no digest replayed"),
                      Self.line(5, "store only"), Self.line(6, "gone, same", .gone), Self.line(7, "copy", .duplicate)]
        let replayed = [Self.line(11, "same"), Self.line(12, "changed"), Self.line(13, "no digest stored"), Self.line(14, "no digest replayed"),
                        Self.line(15, "logs only"), Self.line(16, "gone, same"), Self.line(17, "copy", .duplicate)]
        let storedDigests = ["same": "a", "changed": "b", "no digest replayed": "d", "store only": "e", "gone, same": "f"]
        let replayedDigests: [Int64: String] = [11: "a", 12: "B", 13: "c", 15: "g", 16: "f", 17: "h"]
        let files = RollupComparison.filesToCompare(stored: stored, storedDigests: storedDigests, replayed: replayed, replayedDigests: replayedDigests)
        #expect(files == ["changed", "no digest stored", "no digest replayed", "store only", "logs only"])
    }
}

/// The store's side of that comparison is the digest of the rollups the store holds, computed, never the one
/// its ledger records: a digest rewritten to match changed rollups must not make them look the same.
struct LedgerCheckComputedDigestTests {
    @Test func theDigestComparedIsComputedFromTheRollupsNotReadFromTheLedger() throws {
        let store = try KoukaStore(path: ":memory:")
        let key = RollupKey(date: LocalDate(year: 2024, month: 4, day: 1), department: "市民課", family: .rpa, taskName: "T", outcome: .success, unit: .runs)
        try store.replaceContribution(of: SourceFileRecord(path: "a.log", format: "uipath-execution-log", size: 1, sha256: "s"),
                                      rollups: [key: RollupTotals(events: 2, quantity: 2, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0)],
                                      rejections: [])
        try store.db.execute("UPDATE source_files SET rollups_sha256 = 'rewritten'")
        let ledger = try store.sources()
        let check = try LedgerCheck(ledger: ledger, store: store, onDisk: [])
        let computed = try store.rollupDigest(ofSource: ledger[0].id)
        #expect(check.rollupDigests["a.log"] == computed)
        #expect(computed != "rewritten")
        #expect(check.differences.contains { $0.kind == "rollups-digest" })
    }
}
