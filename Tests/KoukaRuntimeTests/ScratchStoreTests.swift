import Foundation
@testable import Kouka
import Testing

/// Verification reads the logs again into a store it throws away: that run keeps no journal on disk and syncs nothing,
/// where a nightly run keeps its write-ahead log.
@Suite struct ScratchStoreTests {
    static func journalModes(scratch: Bool) throws -> Set<String> {
        let city = try PerFileStoreWorkTests.city(days: 2)
        defer { city.remove() }
        let today = PerFileStoreWorkTests.firstDay.adding(days: 3)
        var options = NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: 12, minute: 0, second: 0))
        options.scratchStore = scratch
        let modes = Locked<Set<String>>([])
        options.fileObserver = { _, store in
            let mode: String
            do { mode = try store.journalMode() } catch { mode = "unreadable: \(error)" }
            modes.update { _ = $0.insert(mode) }
        }
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(summary.filesRead == 4)
        return modes.value
    }

    @Test func aNightlyRunKeepsItsWriteAheadLog() throws {
        #expect(try Self.journalModes(scratch: false) == ["wal"])
    }

    @Test func aScratchStoreIsWrittenWithItsJournalInMemory() throws {
        #expect(try Self.journalModes(scratch: true) == ["memory"])
    }
}
