import Foundation
import Kouka
import Testing

/// `pending_max_hours` decides whether a run that has not ended counts yet: changed, the files already read are read
/// again with it, as for a source's own settings.
@Suite struct PendingMaxHoursChangeTests {
    /// T01 (180 − 15 min saved a run, 30 min rework a failure): t1 ended in May, t2 still PROCESSING since June 1 at
    /// 20:00, 30 hours before the nightly run of June 3 at 02:00.
    static let export = TemporaryCity.winActorCSV([
        TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00"),
        TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "PROCESSING", "2024/06/01 20:00:00"),
    ])

    func setPendingMaxHours(_ city: TemporaryCity, _ hours: Int) throws {
        let text = try String(contentsOf: URL(fileURLWithPath: city.configPath), encoding: .utf8)
        try city.write("kouka.toml", text + "\n[nightly]\npending_max_hours = \(hours)\n")
    }

    @Test func aLongerLimitLetsARunCountedUnfinishedWaitAgain() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", Self.export, encoding: .shiftJIS)
        let first = try city.night(3)
        #expect(first.runsUnfinished == 1)
        // Past 24 hours t2 is unfinished, a failure: 165 − 30 = 135 min.
        #expect(try city.hoursSaved() == 2.25)

        try setPendingMaxHours(city, 48)
        #expect(throws: StoreAwaitsReading.self, "read with the old limit: the nightly run reads it again first") {
            try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        }
        let second = try city.night(3)
        #expect(second.filesReadForSourceSettings.map(\.path) == ["logs/tasks.csv"])
        #expect(second.pendingRuns == 1, "30 hours is within 48: t2 waits for its end")
        // The day it left is named as the setting's doing, not as an export saved over (helper-94's zone-change-honest.sh).
        #expect(second.filesLosingRuns.map(\.path) == ["logs/tasks.csv"])
        #expect(second.filesLosingRuns.first?.reason.hasPrefix("read again with the settings kouka.toml now gives") == true, "\(second.filesLosingRuns)")
        #expect(try city.hoursSaved() == 2.75)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")

        // 54 hours on, past 48: unfinished again.
        let third = try city.night(4)
        #expect(third.filesReadForSourceSettings.isEmpty)
        #expect(third.runsUnfinished == 1)
        #expect(try city.hoursSaved() == 2.25)
    }

    @Test func writingTheDefaultReadsNothingAgain() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", Self.export, encoding: .shiftJIS)
        _ = try city.night(3)
        try setPendingMaxHours(city, 24)
        let second = try city.night(4)
        #expect(second.filesReadForSourceSettings.isEmpty)
        #expect(second.filesUnchanged == 1)
    }
}
