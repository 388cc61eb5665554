import KoukaCore

/// Projects the RPA hours of the fiscal year under way to March 31.
///
/// Seasonal when earlier years have figures: hours to date × (earlier years' full-year hours ÷ their
/// hours over the same part of the year, the current month counted by days elapsed). Linear otherwise:
/// hours to date × days in the year ÷ days elapsed.
public enum ProjectionModel {
    public static func project(current: YearReport, earlier: [YearReport], today: LocalDate, target: Double?) -> Projection? {
        let year = FiscalYear(current.fiscalYear)
        guard year.contains(today) else { return nil }
        let toDate = current.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0
        let monthIndex = year.monthKeys.firstIndex(of: today.monthKey) ?? 0
        let monthFraction = Double(today.day) / Double(LocalDate.daysIn(month: today.month, year: today.year))
        var full = 0.0, samePart = 0.0
        for report in earlier {
            let months = report.months.map { $0.bySystem[SystemFamily.rpa.rawValue] ?? 0 }
            guard months.count == 12, months.contains(where: { $0 > 0 }) else { continue }
            full += months.reduce(0, +)
            samePart += months.prefix(monthIndex).reduce(0, +) + months[monthIndex] * monthFraction
        }
        let projected: Double, method: String, basis: String
        if samePart > 0 {
            projected = toDate * full / samePart
            method = "seasonal"
            basis = "同じ期間の過去の実績（\(earlier.filter { $0.hoursSaved.bySystem["rpa"] ?? 0 > 0 }.map { "FY\($0.fiscalYear)" }.joined(separator: "・"))）に対する通年の比率"
        } else {
            let elapsed = Double(today.daysSinceEpoch - year.firstDay.daysSinceEpoch + 1)
            let days = Double(year.lastDay.daysSinceEpoch - year.firstDay.daysSinceEpoch + 1)
            projected = toDate * days / elapsed
            method = "linear"
            basis = "経過日数（\(Int(elapsed))日 / \(Int(days))日）による按分"
        }
        let rounded = Rounding.hundredths(projected)
        return Projection(asOf: today.description, rpaHoursToDate: toDate, projectedRPAHours: rounded, method: method, basis: basis,
                          target: target, onTrack: target.map { rounded >= $0 })
    }
}
