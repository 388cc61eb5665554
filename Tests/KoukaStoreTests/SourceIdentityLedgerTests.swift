import Kouka
import Testing

/// What the ledger keeps to tell whether the file at a path is still the one read there, and how a
/// ledger line follows a file that was moved.
struct SourceIdentityLedgerTests {
    typealias F = StoreFixtures

    @Test func theLedgerKeepsEachFilesChangeTimeAndBirthTime() throws {
        let store = try KoukaStore(path: ":memory:")
        var known = F.record("a.log")
        known.changedAt = 1_700_000_000.123456
        known.bornAt = 1_699_000_000.5
        try store.replaceContribution(of: known, rollups: [:], rejections: [])
        var unknown = F.record("b.log")
        unknown.changedAt = 1_700_000_001
        try store.replaceContribution(of: unknown, rollups: [:], rejections: [])
        #expect(try store.source(path: "a.log")?.changedAt == 1_700_000_000.123456)
        #expect(try store.source(path: "a.log")?.bornAt == 1_699_000_000.5)
        #expect(try store.source(path: "b.log")?.bornAt == nil, "a filesystem without birth times")
    }

    @Test func aLineMovedOntoAPathReplacesTheLineThatWasThere() throws {
        let store = try KoukaStore(path: ":memory:")
        try store.replaceContribution(of: F.record("gone.csv"), rollups: [F.key(F.april1): F.totals(3)], rejections: [])
        var copy = F.record("copy.csv")
        copy.status = .duplicate
        try store.replaceContribution(of: copy, rollups: [:], rejections: [Rejection(file: "copy.csv", line: 2, reason: "r")])
        try store.renameSource(from: "gone.csv", to: "copy.csv")
        #expect(try store.sources().map(\.path) == ["copy.csv"])
        #expect(try store.source(path: "copy.csv")?.status == .present)
        #expect(try store.rollups(from: F.april1, to: F.april1).map(\.totals.events) == [3], "the moved line's figures, once")
        #expect(try store.rejections().isEmpty, "the replaced line's quarantine went with it")
    }

    @Test func everyCountedLineWithTheBytesIsOfferedTheFirstReadFirst() throws {
        let store = try KoukaStore(path: ":memory:")
        for (path, status) in [("b.csv", SourceFileRecord.Status.present), ("a.csv", .gone), ("c.csv", .duplicate), ("d.csv", .present)] {
            var line = F.record(path, status: status)
            line.sha256 = "same"
            try store.replaceContribution(of: line, rollups: [:], rejections: [])
        }
        #expect(try store.sources(withSHA256: "same", otherThan: "d.csv").map(\.path) == ["b.csv", "a.csv"])
    }
}
