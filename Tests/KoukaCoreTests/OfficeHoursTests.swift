import Kouka
import Testing

/// `OfficeHours`: when a city hall's counters are staffed (weekdays, opening minute inclusive, closing
/// minute exclusive).
struct OfficeHoursTests {
    // 2024-04-01 was a Monday, 2024-04-05 a Friday, 2024-04-06 a Saturday, 2024-04-07 a Sunday.
    static let monday = LocalDate(year: 2024, month: 4, day: 1)

    @Test func cityHallHoursAreHalfPastEightToQuarterPastFive() {
        let hours = OfficeHours.cityHall
        #expect(hours.opens == 510)
        #expect(hours.closes == 1035)
        #expect(!hours.contains(date: Self.monday, minuteOfDay: 509)) // 08:29
        #expect(hours.contains(date: Self.monday, minuteOfDay: 510)) //  08:30
        #expect(hours.contains(date: Self.monday, minuteOfDay: 1034)) // 17:14
        #expect(!hours.contains(date: Self.monday, minuteOfDay: 1035)) // 17:15
    }

    @Test(arguments: [(0, true), (1, true), (2, true), (3, true), (4, true), (5, false), (6, false), (7, true)])
    func weekendsAreClosed(offset: Int, open: Bool) {
        #expect(OfficeHours.cityHall.contains(date: Self.monday.adding(days: offset), minuteOfDay: 600) == open)
    }

    @Test func weekdaysBeforeTheEpochToo() {
        // 1969-12-28 was a Sunday, 1969-12-29 a Monday.
        #expect(!OfficeHours.cityHall.contains(date: LocalDate(year: 1969, month: 12, day: 28), minuteOfDay: 600))
        #expect(OfficeHours.cityHall.contains(date: LocalDate(year: 1969, month: 12, day: 29), minuteOfDay: 600))
    }

    @Test(arguments: [("08:30", 510), ("17:15", 1035), ("0:00", 0), ("24:00", 1440)])
    func parsesHoursAndMinutes(text: String, minutes: Int) {
        #expect(OfficeHours.minutes(text) == minutes)
    }

    @Test(arguments: ["8.30", "08:60", "25:00", "-1:00", "08", "08:30:00", ""])
    func rejectsOtherTimes(text: String) {
        #expect(OfficeHours.minutes(text) == nil)
    }

    // Hours run 00 to 23; 24:00 is allowed only as the end of the day.
    @Test func noTimeAfterTwentyFourHundred() {
        #expect(OfficeHours.minutes("24:30") == nil)
    }
}
