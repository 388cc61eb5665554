import Foundation
import Kouka
import Testing

/// `FiscalYear` (年度): April 1 to March 31, named by the year it starts in.
struct FiscalYearTests {
    @Test(arguments: [
        (LocalDate(year: 2024, month: 3, day: 31), 2023),
        (LocalDate(year: 2024, month: 4, day: 1), 2024),
        (LocalDate(year: 2024, month: 12, day: 31), 2024),
        (LocalDate(year: 2025, month: 1, day: 1), 2024),
        (LocalDate(year: 2025, month: 3, day: 31), 2024),
        (LocalDate(year: 2025, month: 4, day: 1), 2025),
        (LocalDate(year: 2020, month: 2, day: 29), 2019),
    ])
    func containingDate(date: LocalDate, startYear: Int) {
        #expect(FiscalYear(containing: date) == FiscalYear(startYear))
        #expect(FiscalYear(startYear).contains(date))
        #expect(!FiscalYear(startYear - 1).contains(date))
        #expect(!FiscalYear(startYear + 1).contains(date))
    }

    @Test func firstAndLastDays() {
        let fy = FiscalYear(2024)
        #expect(fy.firstDay == LocalDate(year: 2024, month: 4, day: 1))
        #expect(fy.lastDay == LocalDate(year: 2025, month: 3, day: 31))
        // 2024-04-01 … 2025-03-31 holds no February 29 (2025 is not a leap year): 365 days.
        #expect(fy.lastDay.daysSinceEpoch - fy.firstDay.daysSinceEpoch + 1 == 365)
        // FY2023 holds 2024-02-29: 366 days.
        #expect(FiscalYear(2023).lastDay.daysSinceEpoch - FiscalYear(2023).firstDay.daysSinceEpoch + 1 == 366)
    }

    @Test(arguments: [
        (2019, "令和元年度"), (2020, "令和2年度"), (2021, "令和3年度"), (2024, "令和6年度"), (2025, "令和7年度"),
        (2018, "平成30年度"), (1989, "平成元年度"), (1990, "平成2年度"),
    ])
    func japaneseEraLabels(startYear: Int, label: String) {
        #expect(FiscalYear(startYear).japaneseLabel == label)
    }

    @Test func monthKeysRunFromAprilToMarchOfTheNextYear() {
        #expect(FiscalYear(2024).monthKeys == [
            "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
            "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
        ])
        // Every month of the year is listed once and each key's month is inside the year.
        for key in FiscalYear(2019).monthKeys {
            let date = LocalDate("\(key)-15")!
            #expect(FiscalYear(containing: date) == FiscalYear(2019))
        }
    }

    @Test func descriptionOrderAndCoding() throws {
        #expect(FiscalYear(2024).description == "FY2024")
        #expect(FiscalYear(2023) < FiscalYear(2024))
        #expect(String(decoding: try JSONEncoder().encode([FiscalYear(2024)]), as: UTF8.self) == "[2024]")
        #expect(try JSONDecoder().decode([FiscalYear].self, from: Data("[2025]".utf8)) == [FiscalYear(2025)])
    }
}
