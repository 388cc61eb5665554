import Foundation
import Kouka
import Testing

/// `LocalDate`: the calendar date a run started on, its day numbering and its text forms.
struct LocalDateTests {
    /// Anchors taken from `date -u -d DATE +%s` ÷ 86,400, so they do not depend on the algorithm under test.
    @Test(arguments: [
        (LocalDate(year: 1970, month: 1, day: 1), 0),
        (LocalDate(year: 1969, month: 12, day: 31), -1),
        (LocalDate(year: 2000, month: 3, day: 1), 11_017),
        (LocalDate(year: 2024, month: 2, day: 29), 19_782),
        (LocalDate(year: 1900, month: 3, day: 1), -25_508),
        (LocalDate(year: 1600, month: 3, day: 1), -135_080),
        (LocalDate(year: 2100, month: 3, day: 1), 47_541),
        (LocalDate(year: 2400, month: 2, day: 29), 157_113),
        (LocalDate(year: 1582, month: 10, day: 15), -141_427),
    ])
    func daysSinceEpochMatchesKnownAnchors(date: LocalDate, days: Int) {
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    /// Walks day by day from 1599-12-31 to 2401-01-01, advancing the expected date with an independent
    /// Gregorian rule, and checks both directions of the conversion for every day on the way.
    @Test func roundTripsEveryDayAcrossFourCenturiesIncludingLeapYears() {
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        func length(_ m: Int, _ y: Int) -> Int {
            [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        var (y, m, d) = (1599, 12, 31)
        var days = LocalDate(year: 1599, month: 12, day: 31).daysSinceEpoch
        var mismatches = 0
        while y < 2401 {
            let expected = LocalDate(year: y, month: m, day: d)
            if LocalDate(daysSinceEpoch: days) != expected || expected.daysSinceEpoch != days { mismatches += 1 }
            days += 1
            d += 1
            if d > length(m, y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        #expect(mismatches == 0)
        // 1600-01-01 … 2400-12-31 is 801 years with 195 leap years (97 per 400 years × 2, plus 2400 itself):
        // 801 × 365 + 195 = 292,560 days, and the walk above ends on 2401-01-01.
        #expect(LocalDate(year: 2401, month: 1, day: 1).daysSinceEpoch - LocalDate(year: 1600, month: 1, day: 1).daysSinceEpoch == 292_560)
    }

    @Test func leapDaysAreTheDayAfterFebruary28OnlyInLeapYears() {
        #expect(LocalDate(year: 2024, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(year: 2023, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2023, month: 3, day: 1))
        #expect(LocalDate(year: 1900, month: 2, day: 28).adding(days: 1) == LocalDate(year: 1900, month: 3, day: 1))
        #expect(LocalDate(year: 2000, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2000, month: 2, day: 29))
        #expect(LocalDate(year: 2024, month: 12, day: 31).adding(days: 1) == LocalDate(year: 2025, month: 1, day: 1))
        #expect(LocalDate(year: 2024, month: 3, day: 1).adding(days: -1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate.daysIn(month: 2, year: 2100) == 28)
        #expect(LocalDate.daysIn(month: 2, year: 2400) == 29)
        #expect(LocalDate.daysIn(month: 4, year: 2024) == 30)
        #expect(LocalDate.daysIn(month: 12, year: 2024) == 31)
    }

    @Test(arguments: [
        ("2024-04-01", LocalDate(year: 2024, month: 4, day: 1)),
        ("2024/04/01", LocalDate(year: 2024, month: 4, day: 1)),
        ("2025-03-31", LocalDate(year: 2025, month: 3, day: 31)),
        ("2024-02-29", LocalDate(year: 2024, month: 2, day: 29)),
        ("2000/02/29", LocalDate(year: 2000, month: 2, day: 29)),
        // What Excel writes back after a department edits the catalog.
        ("2024/4/1", LocalDate(year: 2024, month: 4, day: 1)),
    ])
    func parsesDashAndSlashForms(text: String, expected: LocalDate) {
        #expect(LocalDate(text) == expected)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-04-00",
        "24-04-01", "", "2024-04", "2024-04-01T00:00", "abcd-ef-gh", "2024.04.01", "2024-04-01 ", "令和6-04-01",
    ])
    func rejectsImpossibleOrMalformedDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    // One kind of separator, no empty parts, nothing before or after.
    @Test(arguments: ["2024--04-01", "2024-04-01-", "-2024-04-01", "2024/04-01", "2024-+4-01"])
    func rejectsStrayOrMixedSeparators(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func descriptionAndMonthKeyArePadded() {
        #expect(LocalDate(year: 2024, month: 4, day: 1).description == "2024-04-01")
        #expect(LocalDate(year: 2024, month: 12, day: 31).description == "2024-12-31")
        #expect(LocalDate(year: 2025, month: 3, day: 9).monthKey == "2025-03")
    }

    @Test func ordersByYearThenMonthThenDay() {
        let march31 = LocalDate(year: 2024, month: 3, day: 31)
        let april1 = LocalDate(year: 2024, month: 4, day: 1)
        #expect(march31 < april1)
        #expect(LocalDate(year: 2023, month: 12, day: 31) < LocalDate(year: 2024, month: 1, day: 1))
        #expect(!(april1 < march31))
        #expect([april1, march31].sorted() == [march31, april1])
    }

    @Test func codesAsItsText() throws {
        let date = LocalDate(year: 2024, month: 4, day: 1)
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-04-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2024/4/1"]"#.utf8)) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data(#"["2023-02-29"]"#.utf8)) }
    }

    /// The same date a year earlier, February 29 giving February 28: 365 days earlier is a day later for the twelve months
    /// after a February 29 (helper-96's yoy-leap-extra-day.sh: the year before compared through 05-11 as of 05-10).
    @Test func theSameDayAYearEarlier() {
        #expect(LocalDate(year: 2024, month: 5, day: 10).sameDayAYearEarlier == LocalDate(year: 2023, month: 5, day: 10))
        #expect(LocalDate(year: 2024, month: 2, day: 29).sameDayAYearEarlier == LocalDate(year: 2023, month: 2, day: 28))
        #expect(LocalDate(year: 2025, month: 2, day: 28).sameDayAYearEarlier == LocalDate(year: 2024, month: 2, day: 28))
        #expect(LocalDate(year: 2024, month: 5, day: 10).adding(days: -365) == LocalDate(year: 2023, month: 5, day: 11), "what it replaces")
    }
}
