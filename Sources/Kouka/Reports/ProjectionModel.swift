
/// Projects the RPA hours of the fiscal year under way to March 31, as of the last complete day.
///
/// Seasonal when earlier years have figures over the whole span compared: hours to date × (those years'
/// full-year hours ÷ their hours over the same part of the year, the current month counted by days
/// elapsed). A year with no RPA hours in some month from April to the as-of month (one whose robots started
/// mid-year) would add its whole total but little to the same part, and inflate the ratio: it is not used.
/// Linear otherwise: hours to date × days in the year ÷ days elapsed. Made from unrounded minutes throughout, and
/// rounded once: the hours to date shown (0.01 h) times the ratio may differ from it by up to 0.005 h × the ratio.
package enum ProjectionModel {
    /// The projection of `current`'s fiscal year as of `asOf`, from the unrounded RPA minutes of that year to date
    /// (`currentMinutes`) and of `earlier` years: rounded once, as every figure is. `current` gives the hours to date
    /// as the report states them.
    ///
    /// `minutesAfter` are the RPA minutes the store holds of days after `asOf` (a robot's night batch of the report's own day,
    /// which the nightly run read before the report was made): the year's figure counts them, so the projection adds them —
    /// a projection below the hours already counted said 未達成の見込み beside a target the same report found met (helper-99 #3).
    package static func project(current: YearReport, currentMinutes: RPAMinutesByMonth, earlier: [FiscalYear: RPAMinutesByMonth], asOf: LocalDate,
                                target: Double?, minutesAfter: Double = 0) -> Projection? {
        let year = FiscalYear(current.fiscalYear)
        // Without a record of the robots in the year so far, its figure is unknown (記録なし), and so is where it is heading:
        // a projection of 0.00 h would read as measured and 未達成の見込み (helper-85).
        guard year.contains(asOf), PolicyPeriodBuilder.hasRecords(current, rpa: true) else { return nil }
        let toDate = current.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0
        let minutesToDate = year.monthKeys.reduce(0.0) { $0 + currentMinutes[$1] }
        let monthIndex = year.monthKeys.firstIndex(of: asOf.monthKey) ?? 0
        let monthFraction = Double(asOf.day) / Double(LocalDate.daysIn(month: asOf.month, year: asOf.year))
        var full = 0.0, samePart = 0.0
        var used: [Int] = []
        for (earlierYear, minutes) in earlier.sorted(by: { $0.key.startYear < $1.key.startYear }) {
            let months = earlierYear.monthKeys.map { minutes[$0] }
            guard months.count == 12, months.prefix(monthIndex + 1).allSatisfy({ $0 > 0 }) else { continue }
            full += months.reduce(0, +)
            samePart += months.prefix(monthIndex).reduce(0, +) + months[monthIndex] * monthFraction
            used.append(earlierYear.startYear)
        }
        let projectedMinutes: Double, method: String
        var basis: String
        if samePart > 0 {
            projectedMinutes = minutesToDate * full / samePart
            method = "seasonal"
            basis = "同じ期間の過去の実績（\(used.map { "FY\($0)" }.joined(separator: "・"))）に対する通年の比率（基準日の月はその月の日数で按分）。4月から基準日の月まで毎月実績のある年度だけを用いる"
        } else {
            let elapsed = Double(asOf.daysSinceEpoch - year.firstDay.daysSinceEpoch + 1)
            let days = Double(year.lastDay.daysSinceEpoch - year.firstDay.daysSinceEpoch + 1)
            projectedMinutes = minutesToDate * days / elapsed
            method = "linear"
            used = []
            basis = "経過日数（\(Int(elapsed))日 / \(Int(days))日）による按分（4月から基準日の月まで毎月実績のある過去の年度がないため）"
        }
        // As the year's figure counts them, whichever their sign (a failed batch's rework is less).
        if minutesAfter != 0 {
            basis += "。基準日より後の記録 \(NumberText.grouped(Rounding.hundredths(minutesAfter / 60))) 時間（基準日の翌日の夜間バッチなど）を加える"
        }
        let rounded = Rounding.hundredths((projectedMinutes + minutesAfter) / 60)
        return Projection(asOf: asOf.description, rpaHoursToDate: toDate, projectedRPAHours: rounded, method: method, basis: basis,
                          yearsUsed: used, target: target, onTrack: target.map { rounded >= $0 })
    }
}
