
/// What an hour of staff time costs and what each tool's licence costs a year: turns hours saved into
/// yen and a net effect (費用対効果).
package struct MoneySettings: Sendable, Hashable {
    package var hourlyStaffCostYen: Double
    package var yearlyLicenceYen: [SystemFamily: Double]

    package init(hourlyStaffCostYen: Double, yearlyLicenceYen: [SystemFamily: Double]) {
        self.hourlyStaffCostYen = hourlyStaffCostYen
        self.yearlyLicenceYen = yearlyLicenceYen
    }

    /// The money line of a period whose unrounded minutes saved by system are `minutes`: each yen figure
    /// comes from the unrounded hours, rounded once to the yen. A month bears its share of each yearly licence such that
    /// the twelve months of a fiscal year add up to the licence exactly.
    func line(minutes: [SystemFamily: Double], period: ReportPeriod) -> MoneyLine {
        let families = SystemFamily.allCases
        let saved = families.map { Rounding.yen((minutes[$0] ?? 0) / 60 * hourlyStaffCostYen) }
        let licences = families.map { licence(yearly: yearlyLicenceYen[$0] ?? 0, period: period) }
        let systems = families.indices.map { i in
            MoneyBySystem(system: families[i].rawValue, savedYen: saved[i], licenceYen: licences[i], netYen: saved[i] - licences[i])
        }
        let savedYen = Rounding.yen(families.reduce(0) { $0 + (minutes[$1] ?? 0) } / 60 * hourlyStaffCostYen)
        let licenceYen = licences.reduce(0, +)
        return MoneyLine(hourlyStaffCostYen: hourlyStaffCostYen, savedYen: savedYen, licenceYen: licenceYen, netYen: savedYen - licenceYen,
                         bySystem: systems)
    }

    /// The yen of a yearly licence the period bears: all of it for a fiscal year; for its n-th month, the
    /// licence to the end of that month less the licence to the end of the month before, each rounded to the yen.
    private func licence(yearly: Double, period: ReportPeriod) -> Double {
        guard period.kind == "month", let index = period.fiscalYear.monthKeys.firstIndex(of: period.firstDay.monthKey) else {
            return Rounding.yen(yearly)
        }
        return Self.licenceToDate(yearly: yearly, months: index + 1) - Self.licenceToDate(yearly: yearly, months: index)
    }

    /// The yen of a yearly licence borne by the first `months` months of a fiscal year, rounded to the yen: the
    /// one rule by which a month's report, a year to date and the whole year (12) share a licence.
    package static func licenceToDate(yearly: Double, months: Int) -> Double {
        Rounding.yen(yearly * Double(months) / 12)
    }

    /// `licenceToDate(yearly:months:)` of `family`'s configured licence (0 when none is configured).
    package func licenceToDate(of family: SystemFamily, months: Int) -> Double {
        Self.licenceToDate(yearly: yearlyLicenceYen[family] ?? 0, months: months)
    }
}
