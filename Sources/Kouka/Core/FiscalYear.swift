/// A Japanese fiscal year (年度): April 1 to March 31, named by the calendar year it starts in.
package struct FiscalYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year in which the fiscal year starts: FY2024 runs 2024-04-01 to 2025-03-31.
    package var startYear: Int

    package init(_ startYear: Int) { self.startYear = startYear }

    /// The fiscal year a local date belongs to.
    package init(containing date: LocalDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    package var firstDay: LocalDate { LocalDate(year: startYear, month: 4, day: 1) }
    package var lastDay: LocalDate { LocalDate(year: startYear + 1, month: 3, day: 31) }

    package func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    /// The twelve months of the year, April first, as `yyyy-MM`.
    package var monthKeys: [String] {
        (0..<12).map { offset in
            let month = (3 + offset) % 12 + 1
            return LocalDate(year: month >= 4 ? startYear : startYear + 1, month: month, day: 1).monthKey
        }
    }

    /// The 令和 label: FY2019 is 令和元年度, FY2024 is 令和6年度. Years before 令和 use 平成.
    package var japaneseLabel: String {
        if startYear >= 2019 {
            let n = startYear - 2018
            return n == 1 ? "令和元年度" : "令和\(n)年度"
        }
        let n = startYear - 1988
        return n == 1 ? "平成元年度" : "平成\(n)年度"
    }

    package var description: String { "FY\(startYear)" }

    package static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.startYear < rhs.startYear }

    package init(from decoder: any Decoder) throws {
        startYear = try decoder.singleValueContainer().decode(Int.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(startYear)
    }
}
