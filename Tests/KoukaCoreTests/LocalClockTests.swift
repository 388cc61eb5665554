import Foundation
import Kouka
import Testing

/// `LocalClock`: instants to local dates and wall times to instants, in the configured zone and never in
/// the server's. Instants are written as UTC epoch seconds (checked with `date -u -d … +%s`).
struct LocalClockTests {
    static let utc = LocalClock(zone: TimeZone(identifier: "UTC")!)

    /// Tokyo is UTC+9 all year: 15:00Z is local midnight.
    @Test(arguments: [
        (1_711_897_199.0, LocalDate(year: 2024, month: 3, day: 31)), // 2024-03-31T14:59:59Z = 23:59:59 JST
        (1_711_897_200.0, LocalDate(year: 2024, month: 4, day: 1)), //  2024-03-31T15:00:00Z = 00:00:00 JST
        (1_711_899_000.0, LocalDate(year: 2024, month: 4, day: 1)), //  2024-03-31T15:30:00Z = 00:30 JST
        (1_711_929_600.0, LocalDate(year: 2024, month: 4, day: 1)), //  2024-04-01T00:00:00Z = 09:00 JST
        (-32_400.0, LocalDate(year: 1970, month: 1, day: 1)), //        1969-12-31T15:00:00Z = 00:00 JST
        (-32_401.0, LocalDate(year: 1969, month: 12, day: 31)), //      one second earlier, before the epoch
    ])
    func tokyoLocalDateNearMidnight(epochSeconds: Double, date: LocalDate) {
        #expect(LocalClock.tokyo.localDate(of: Date(timeIntervalSince1970: epochSeconds)) == date)
    }

    @Test func theSameInstantIsAnotherDateOnAUTCServer() {
        // 2024-03-31T15:30:00Z: April 1 in Tokyo (FY2024), still March 31 in UTC (FY2023).
        let instant = Date(timeIntervalSince1970: 1_711_899_000)
        #expect(LocalClock.tokyo.localDate(of: instant) == LocalDate(year: 2024, month: 4, day: 1))
        #expect(Self.utc.localDate(of: instant) == LocalDate(year: 2024, month: 3, day: 31))
        // A zone west of UTC: 2024-04-01T03:00:00Z is 22:00 on March 31 at UTC−5.
        let west = LocalClock(zone: TimeZone(secondsFromGMT: -5 * 3600)!)
        #expect(west.localDate(of: Date(timeIntervalSince1970: 1_711_940_400)) == LocalDate(year: 2024, month: 3, day: 31))
    }

    @Test func wallClockGivesTheMinuteOfTheLocalDay() {
        // 2024-03-31T15:30:00Z is 00:30 on April 1 in Tokyo: minute 30.
        let april = LocalClock.tokyo.wallClock(of: Date(timeIntervalSince1970: 1_711_899_000))
        #expect(april.date == LocalDate(year: 2024, month: 4, day: 1) && april.minuteOfDay == 30)
        // 2024-03-31T14:59:59Z is 23:59:59 JST: minute 1,439 of March 31.
        let march = LocalClock.tokyo.wallClock(of: Date(timeIntervalSince1970: 1_711_897_199))
        #expect(march.date == LocalDate(year: 2024, month: 3, day: 31) && march.minuteOfDay == 1_439)
        // Before the epoch: 1969-12-31T14:59:00Z is 23:59 JST on December 31, 1969.
        let old = LocalClock.tokyo.wallClock(of: Date(timeIntervalSince1970: -32_460))
        #expect(old.date == LocalDate(year: 1969, month: 12, day: 31) && old.minuteOfDay == 1_439)
    }

    @Test func instantOfATokyoWallTime() {
        let april1 = LocalDate(year: 2024, month: 4, day: 1)
        // 2024-04-01 00:00 JST = 2024-03-31T15:00:00Z.
        #expect(LocalClock.tokyo.instant(of: april1, hour: 0, minute: 0, second: 0).timeIntervalSince1970 == 1_711_897_200)
        #expect(LocalClock.tokyo.startOfDay(april1).timeIntervalSince1970 == 1_711_897_200)
        // 09:05:30.5 JST = 00:05:30.5Z = 1,711,929,600 + 330.5.
        #expect(LocalClock.tokyo.instant(of: april1, hour: 9, minute: 5, second: 30.5).timeIntervalSince1970 == 1_711_929_930.5)
        // 23:50 JST on March 31 = 14:50Z.
        let march31 = LocalDate(year: 2024, month: 3, day: 31)
        #expect(LocalClock.tokyo.instant(of: march31, hour: 23, minute: 50, second: 0).timeIntervalSince1970 == 1_711_896_600)
        #expect(Self.utc.instant(of: april1, hour: 0, minute: 0, second: 0).timeIntervalSince1970 == 1_711_929_600)
    }

    @Test func wallTimesRoundTripToTheirDateInTokyo() {
        var date = LocalDate(year: 2023, month: 12, day: 25)
        for _ in 0..<120 {
            for hour in [0, 8, 9, 15, 23] {
                let instant = LocalClock.tokyo.instant(of: date, hour: hour, minute: 59, second: 59.999)
                #expect(LocalClock.tokyo.localDate(of: instant) == date)
            }
            date = date.adding(days: 1)
        }
    }

    @Test func summerTimeIsTakenFromTheZoneAtThatInstant() throws {
        let newYork = LocalClock(zone: try #require(TimeZone(identifier: "America/New_York")))
        // 2024-07-01 12:00 EDT (UTC−4) = 16:00Z = 19,905 days × 86,400 + 57,600.
        let july1 = LocalDate(year: 2024, month: 7, day: 1)
        #expect(newYork.instant(of: july1, hour: 12, minute: 0, second: 0).timeIntervalSince1970 == 19_905 * 86_400 + 57_600)
        // 2024-01-15 12:00 EST (UTC−5) = 17:00Z.
        let jan15 = LocalDate(year: 2024, month: 1, day: 15)
        #expect(newYork.instant(of: jan15, hour: 12, minute: 0, second: 0).timeIntervalSince1970 == Double(jan15.daysSinceEpoch) * 86_400 + 61_200)
        // 2024-11-03 01:30 happens twice; the offset in force before the change (EDT, UTC−4) is used: 05:30Z.
        let nov3 = LocalDate(year: 2024, month: 11, day: 3)
        #expect(newYork.instant(of: nov3, hour: 1, minute: 30, second: 0).timeIntervalSince1970 == 1_730_611_800)
    }

    // In a spring-forward gap the offset in force before the change is used, as documented.
    @Test func aWallTimeInASpringGapUsesTheOffsetBeforeTheChange() throws {
        let newYork = LocalClock(zone: try #require(TimeZone(identifier: "America/New_York")))
        let march10 = LocalDate(year: 2024, month: 3, day: 10)
        #expect(newYork.instant(of: march10, hour: 2, minute: 30, second: 0).timeIntervalSince1970 == 1_710_055_800)
    }

    // Where clocks jump at midnight, a day starts at its first instant that exists, not on the day before.
    @Test func startOfDayIsOnThatDayWhenClocksJumpAtMidnight() throws {
        let santiago = LocalClock(zone: try #require(TimeZone(identifier: "America/Santiago")))
        let sept8 = LocalDate(year: 2024, month: 9, day: 8)
        #expect(santiago.localDate(of: santiago.startOfDay(sept8)) == sept8)
        #expect(santiago.startOfDay(sept8).timeIntervalSince1970 == 1_725_768_000)
    }
}
