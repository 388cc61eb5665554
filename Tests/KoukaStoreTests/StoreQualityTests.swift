import Foundation
import Kouka
import Testing

private typealias F = StoreFixtures

/// The quality counts kept beside rollups: stored, read back, added to on append, and covered by the rollup digest.
@Suite struct StoreQualityTests {
    static func ocr(_ sheets: Int, read: Double, corrected: Double) -> RollupTotals {
        var t = F.totals(sheets)
        t.quality = [.fieldsRead: read, .fieldsCorrected: corrected]
        return t
    }

    @Test func qualityCountsRoundTripAndARollupWithoutThemHasNone() throws {
        let store = try KoukaStore(path: ":memory:")
        let ocrKey = F.key(F.april1, task: "児童手当", family: .aiOCR, unit: .sheets)
        try store.replaceContribution(of: F.record("a.csv"), rollups: [ocrKey: Self.ocr(3, read: 36, corrected: 4), F.key(F.april1): F.totals(2)],
                                      rejections: [])
        let rows = try store.rollups(from: F.april1, to: F.april1)
        #expect(rows.first { $0.key == ocrKey }?.totals.quality == [.fieldsRead: 36, .fieldsCorrected: 4])
        #expect(rows.first { $0.key.family == .rpa }?.totals.quality == [:], "not measured: absent, never 0")
        try store.appendContribution(of: F.record("a.csv"), rollups: [ocrKey: Self.ocr(1, read: 12, corrected: 1)], rejections: [])
        #expect(try store.rollups(from: F.april1, to: F.april1).first { $0.key == ocrKey }?.totals.quality == [.fieldsRead: 48, .fieldsCorrected: 5])
        try store.replaceContribution(of: F.record("a.csv"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        #expect(try store.rollups(from: F.april1, to: F.april1).allSatisfy { $0.totals.quality.isEmpty }, "a file read again drops its old counts")
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
    func aQualityCountChangedOrRemovedBehindKoukasBackChangesTheDigest() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        let ocrKey = F.key(F.april1, task: "児童手当", family: .aiOCR, unit: .sheets)
        let id = try KoukaStore(path: path).replaceContribution(of: F.record("a.csv"), rollups: [ocrKey: Self.ocr(3, read: 36, corrected: 4)], rejections: [])
        let recorded = try #require(try KoukaStore(path: path).recordedRollupDigest(ofSource: id))
        #expect(try KoukaStore(path: path).rollupDigest(ofSource: id) == recorded)
        try StoreSurgery.run(path, "UPDATE rollup_quality SET value = 0 WHERE measure = 'fields_corrected'")
        #expect(try KoukaStore(path: path).rollupDigest(ofSource: id) != recorded, "a correction count set to 0 shows")
        try StoreSurgery.run(path, "DELETE FROM rollup_quality; UPDATE source_files SET quality_kept = NULL")
        #expect(try KoukaStore(path: path).rollupDigest(ofSource: id) != recorded, "counts and mark removed together still show")
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
    func aLineWrittenBeforeQualityWasKeptKeepsTheDigestOfItsRollupsAlone() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        // Two files with the same rollups: one read now (marked), one as a store from before the migration has it.
        let store = try KoukaStore(path: path)
        let now = try store.replaceContribution(of: F.record("now.csv"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        let before = try store.replaceContribution(of: F.record("before.csv"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        try StoreSurgery.run(path, "UPDATE source_files SET quality_kept = NULL WHERE path = 'before.csv'")
        let reopened = try KoukaStore(path: path)
        #expect(try reopened.rollupDigest(ofSource: before) != reopened.rollupDigest(ofSource: now), "a marked line's digest includes the mark")
        #expect(try reopened.sourcesKeepingQuality() == [now])
        // The unmarked line's digest is the rollups' alone, byte for byte what Kouka before the migration recorded.
        #expect(try reopened.rollupDigest(ofSource: before) == Self.digestBeforeQuality(F.key(F.april1), F.totals(2)))
    }

    /// The rollup digest as Kouka computed it before quality counts were kept, for one rollup.
    static func digestBeforeQuality(_ key: RollupKey, _ t: RollupTotals) -> String {
        var hasher = SHA256()
        for text in [key.date.description, key.department, key.family.rawValue, key.taskName, key.outcome.rawValue, key.unit.rawValue] {
            Array(text.utf8 + [0x1F]).withUnsafeBytes { hasher.update($0) }
        }
        for value in [Int64(key.offHours ? 1 : 0), Int64(key.cumulative ? 1 : 0), Int64(t.events)] {
            withUnsafeBytes(of: value.littleEndian) { hasher.update($0) }
        }
        for value in [t.quantity, t.machineSeconds, t.humanSeconds, t.humanMeasuredQuantity] {
            withUnsafeBytes(of: Int64(bitPattern: value.bitPattern).littleEndian) { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
