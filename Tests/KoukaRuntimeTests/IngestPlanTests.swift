import Foundation
@testable import Kouka
import Testing

/// What `stat` must say for a file to be skipped or read on, and what makes it read whole: the cases a
/// filesystem rarely shows on demand (a reused inode, a birth time) given as the values it would report.
struct IngestPlanTests {
    /// A UiPath log read to its end at 1,000 bytes, on inode 42.
    static let known: SourceFileRecord = {
        var line = SourceFileRecord(path: "logs/a.log", format: "uipath-execution-log", size: 1_000, sha256: "x", byteOffset: 1_000,
                                    modifiedAt: 1_700_000_000.5, inode: 42, prefixFingerprint: "", resumeState: #"{"encoding":"utf-8","runs":{}}"#)
        line.hashState = SHA256().savedState
        line.changedAt = 1_700_000_000.5
        line.bornAt = 1_699_999_000.25
        line.timeZone = "Asia/Tokyo"
        return line
    }()

    static let untouched = FileStatus(size: 1_000, modifiedAt: 1_700_000_000.5, inode: 42, changedAt: 1_700_000_000.5, bornAt: 1_699_999_000.25)

    /// A file whose first 1,000 bytes are what the ledger line's fingerprint says, `size` bytes long.
    static func withFile<T>(size: Int, _ body: (String, SourceFileRecord) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "kouka-plan-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: size).write(to: URL(fileURLWithPath: path))
        var line = known
        line.prefixFingerprint = PrefixFingerprint.of(path: path, length: 1_000) ?? "?"
        return try body(path, line)
    }

    func decide(_ path: String, _ status: FileStatus, _ known: SourceFileRecord, officeHours: String = "mon-fri 08:30-17:15",
                timeZone: String = "Asia/Tokyo") -> IngestPlan {
        IngestPlan.decide(path: path, status: status, known: known, format: "uipath-execution-log", resumable: UiPathExecutionLogParser(), forced: false,
                          officeHours: officeHours, timeZone: timeZone)
    }

    /// A file read in another time zone than the configured one (or before Kouka kept the zone) is read whole,
    /// untouched or grown: the days its runs were counted on are the old zone's.
    @Test func aFileReadInAnotherTimeZoneIsReadWhole() throws {
        try Self.withFile(size: 1_500) { path, known in
            var grown = Self.untouched
            grown.size = 1_500
            grown.changedAt += 1
            #expect(decide(path, Self.untouched, known) == .unchanged)
            #expect(decide(path, grown, known) == .append(known))
            #expect(decide(path, Self.untouched, known, timeZone: "UTC") == .full)
            #expect(decide(path, grown, known, timeZone: "UTC") == .full)
            var before = known
            before.timeZone = nil
            #expect(decide(path, Self.untouched, before) == .full, "read before Kouka kept the zone: read once again")
            #expect(!IngestPlan.isUnchanged(status: Self.untouched, known: known, format: known.format, forced: false,
                                            officeHours: "mon-fri 08:30-17:15", timeZone: "Europe/Berlin"))
        }
    }

    /// Issue 13 item 12: a file whose chatbot answers were judged by other office hours (or by hours an
    /// earlier Kouka did not record) is read whole, untouched or grown; one with no chatbot answers (no hours
    /// recorded) is not, whatever the hours.
    @Test func chatbotAnswersJudgedByOtherOfficeHoursAreReadWhole() throws {
        try Self.withFile(size: 1_500) { path, known in
            var grown = Self.untouched
            grown.size = 1_500
            grown.changedAt += 1
            var judged = known
            judged.officeHours = "mon-fri 08:30-17:15"
            #expect(decide(path, Self.untouched, judged) == .unchanged)
            #expect(decide(path, grown, judged) == .append(judged))
            #expect(decide(path, Self.untouched, judged, officeHours: "mon-fri 09:00-17:00") == .full)
            #expect(decide(path, grown, judged, officeHours: "mon-fri 09:00-17:00") == .full)
            judged.officeHours = "unknown"
            #expect(decide(path, Self.untouched, judged) == .full)
            #expect(decide(path, Self.untouched, known, officeHours: "mon-fri 09:00-17:00") == .unchanged, "no chatbot answers")
        }
    }

    /// A saved reading or hashing state that does not restore (the store edited behind Kouka's back) would
    /// lose the unended runs it held, or hash only the appended bytes: the grown file is read whole instead.
    @Test func aGrownFileWhoseSavedStateDoesNotRestoreIsReadWhole() throws {
        try Self.withFile(size: 1_500) { path, known in
            var grown = Self.untouched
            grown.size = 1_500
            grown.changedAt += 1
            #expect(decide(path, grown, known) == .append(known), "the fixture's states restore")
            var damaged = known
            damaged.resumeState = #"{"encoding":"utf-8","runs":{"job":1}}"#
            #expect(decide(path, grown, damaged) == .full)
            damaged = known
            damaged.hashState = "00" + known.hashState!.dropFirst(2).dropLast()
            #expect(decide(path, grown, damaged) == .full)
            damaged.hashState = nil
            #expect(decide(path, grown, damaged) == .full)
            #expect(throws: UiPathResumeState.Unreadable.self) { try UiPathResumeState("not json") }
        }
    }

    @Test func aFileUntouchedInEveryRespectIsSkipped() throws {
        try Self.withFile(size: 1_000) { path, known in
            #expect(decide(path, Self.untouched, known) == .unchanged)
            #expect(IngestPlan.doubt(about: Self.untouched, known: known) == nil)
        }
    }

    @Test func aChangeTimeThatMovedWithTheSizeAndModificationTimeKeptIsReadWhole() throws {
        try Self.withFile(size: 1_000) { path, known in
            var status = Self.untouched
            status.changedAt += 0.001
            #expect(decide(path, status, known) == .full, "not unchanged, and not an append of nothing")
            #expect(IngestPlan.doubt(about: status, known: known)?.hasPrefix("it changed without growing") == true)
        }
    }

    @Test func aNewBirthTimeOnTheOldInodeIsAFileCreatedAgain() throws {
        try Self.withFile(size: 1_000) { path, known in
            var status = Self.untouched
            status.bornAt = 1_700_000_100
            #expect(decide(path, status, known) == .full)
            status.size = 2_000
            status.changedAt += 1
            #expect(decide(path, status, known) == .full, "grown, but another file")
            #expect(IngestPlan.doubt(about: status, known: known) == "it was deleted and created again (a new birth time)")
        }
    }

    @Test func aFilesystemWithoutBirthTimesDecidesByTheRest() throws {
        try Self.withFile(size: 1_500) { path, known in
            var status = Self.untouched
            status.bornAt = nil
            #expect(decide(path, status, known) == .unchanged)
            status.size = 1_500
            status.changedAt += 1
            #expect(decide(path, status, known) == .append(known))
        }
    }

    @Test func aFileSmallerThanBeforeIsReadWholeEvenAboveWhereReadingStopped() throws {
        try Self.withFile(size: 1_200) { path, known in
            // Read to 1,000 of 1,400 bytes (a half-written last line); now 1,200 bytes.
            var line = known
            line.size = 1_400
            var status = Self.untouched
            status.size = 1_200
            status.changedAt += 1
            #expect(decide(path, status, line) == .full)
            #expect(IngestPlan.doubt(about: status, known: line) == "it is smaller than when it was last read")
        }
    }

    @Test func aGrownFileOnAnotherInodeIsReadWholeThoughItsReadPartMatches() throws {
        try Self.withFile(size: 1_500) { path, known in
            let status = FileStatus(size: 1_500, modifiedAt: 1_700_000_100, inode: 43, changedAt: 1_700_000_100, bornAt: nil)
            #expect(decide(path, status, known) == .full)
            var same = status
            same.inode = 42
            #expect(decide(path, same, known) == .append(known))
        }
    }

    @Test func aLedgerLineWithoutAChangeTimeIsNotTrustedToSkipAFile() throws {
        try Self.withFile(size: 1_000) { path, known in
            var old = known
            old.changedAt = 0
            old.bornAt = nil
            #expect(decide(path, Self.untouched, old) == .full)
            #expect(IngestPlan.doubt(about: Self.untouched, known: old) == "the ledger has no change time for it (written by an earlier Kouka)")
        }
    }

    /// A migration clears the change time of the logs an earlier Kouka read by a rule since changed (v34: UiPath's unreadable
    /// lines): one that grew since is read whole, not on from where that Kouka stopped, which would keep what it counted in
    /// the part read before (helper-121).
    @Test func aGrownFileWithoutAChangeTimeIsReadWholeNotOn() throws {
        try Self.withFile(size: 1_500) { path, known in
            var grown = Self.untouched
            grown.size = 1_500
            grown.changedAt += 1
            #expect(decide(path, grown, known) == .append(known), "the fixture's grown file is read on when its line has a change time")
            var migrated = known
            migrated.changedAt = 0
            #expect(decide(path, grown, migrated) == .full)
            #expect(IngestPlan.doubt(about: grown, known: migrated) == "the ledger has no change time for it (written by an earlier Kouka)")
        }
    }
}
