import Foundation
import Kouka
import Testing

/// `Kouka.read` waits for a run without its end as long as the rules a Meter counts by say, as the jobs do with
/// `[nightly] pending_max_hours`: it used the 24-hour default whatever the rules, and a run 30 hours open was an unfinished
/// run charged its rework under rules of 72 hours (helper-199 #1).
@Suite struct ReadPendingHoursTests {
    @Test func aRunThirtyHoursOpenWaitsUnderSeventyTwoHours() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-read-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("flows.json").path
        // A flow session still running (status 1), started 30 hours before now.
        try Data(#"[{"name": "住民税_課税", "startedon": "2024-05-01T00:00:00Z", "runduration": null, "statuscode": 1}]"#.utf8).write(to: URL(fileURLWithPath: log))
        let now = Date(timeIntervalSince1970: 1_714_521_600 + 30 * 3600)
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let file = LogFile(log, format: "power-automate-flowsession")
        let waiting = try Kouka.read(file, timeZone: tokyo, now: now, pendingMaxHours: 72)
        #expect(waiting.events.isEmpty)
        #expect(waiting.summary.pendingRuns == 1)
        let past = try Kouka.read(file, timeZone: tokyo, now: now)
        #expect(past.events.map(\.outcome) == [.unfinished], "past the default 24 hours: a failure")
    }
}
