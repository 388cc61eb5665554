import Foundation
@testable import Kouka
import Testing

/// A run before 2000 is a clock or export error, and 2000 begins at midnight in the configured zone: the
/// logs' wall-clock times are read there, so a run at 2000-01-01 00:00 local time is a run of 2000.
@Suite struct EarliestRunTimeTests {
    /// What the collector does with a run at `date` `hour`:`minute`:`second` in `zone`: true when it counts it.
    func counts(_ zone: String, _ date: LocalDate, _ hour: Int, _ minute: Int, _ second: Double) throws -> Bool {
        let clock = LocalClock(zone: try #require(TimeZone(identifier: zone)))
        let collector = EventCollector(clock: clock, officeHours: .cityHall, now: Date(timeIntervalSince1970: 1_750_000_000))
        collector.accept(UsageEvent(family: .rpa, occurredAt: clock.instant(of: date, hour: hour, minute: minute, second: second), taskName: "t",
                                    outcome: .success, quantity: 1, unit: .runs, source: SourceLocation(file: "a.csv", line: 2)))
        #expect(collector.rejections.allSatisfy { $0.reason == "the run's time is before 2000; check the robot's clock or the export" })
        return collector.aggregator.eventCount == 1 && collector.rejections.isEmpty
    }

    static let newYear = LocalDate(year: 2000, month: 1, day: 1), newYearsEve = LocalDate(year: 1999, month: 12, day: 31)

    @Test(arguments: ["Asia/Tokyo", "UTC", "America/New_York", "Pacific/Kiritimati"])
    func midnightOnNewYearsDay2000InTheConfiguredZoneCounts(zone: String) throws {
        #expect(try counts(zone, Self.newYear, 0, 0, 0))
        #expect(try !counts(zone, Self.newYearsEve, 23, 59, 59))
    }
}
