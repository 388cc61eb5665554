
/// What a report covers: a fiscal year, or one month of one (the departments' monthly report).
package enum ReportPeriod: Sendable, Hashable {
    case fiscalYear(FiscalYear)
    case month(year: Int, month: Int)

    package var firstDay: LocalDate {
        switch self {
        case let .fiscalYear(year): year.firstDay
        case let .month(year, month): LocalDate(year: year, month: month, day: 1)
        }
    }

    package var lastDay: LocalDate {
        switch self {
        case let .fiscalYear(year): year.lastDay
        case let .month(year, month): LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
        }
    }

    /// The fiscal year the period lies in.
    package var fiscalYear: FiscalYear {
        switch self {
        case let .fiscalYear(year): year
        case .month: FiscalYear(containing: firstDay)
        }
    }

    package func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    /// 令和6年度, or 令和6年5月 for a month. The era changed on 2019-05-01: April 2019 is 平成31年4月.
    package var label: String {
        switch self {
        case let .fiscalYear(year): return year.japaneseLabel
        case let .month(year, month):
            let era: String
            if year > 2019 || (year == 2019 && month >= 5) {
                era = year == 2019 ? "令和元年" : "令和\(year - 2018)年"
            } else {
                era = year == 1989 ? "平成元年" : "平成\(year - 1988)年"
            }
            return "\(era)\(month)月"
        }
    }

    /// `fiscal-year` or `month`.
    package var kind: String {
        if case .fiscalYear = self { return "fiscal-year" }
        return "month"
    }

    /// The months the period covers, as `yyyy-MM`.
    package var monthKeys: [String] {
        switch self {
        case let .fiscalYear(year): year.monthKeys
        case .month: [firstDay.monthKey]
        }
    }

    /// The same period one year earlier, for comparisons.
    package var yearBefore: ReportPeriod {
        switch self {
        case let .fiscalYear(year): .fiscalYear(FiscalYear(year.startYear - 1))
        case let .month(year, month): .month(year: year - 1, month: month)
        }
    }

    /// A file name stem: `FY2024` or `2024-05`.
    package var stem: String {
        switch self {
        case let .fiscalYear(year): "FY\(year.startYear)"
        case .month: firstDay.monthKey
        }
    }
}
