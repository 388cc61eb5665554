import KoukaCore

/// What an hour of staff time costs and what each tool's licence costs a year: turns hours saved into
/// yen and a net effect (費用対効果).
public struct MoneySettings: Sendable, Hashable {
    public var hourlyStaffCostYen: Double
    public var yearlyLicenceYen: [SystemFamily: Double]

    public init(hourlyStaffCostYen: Double, yearlyLicenceYen: [SystemFamily: Double]) {
        self.hourlyStaffCostYen = hourlyStaffCostYen
        self.yearlyLicenceYen = yearlyLicenceYen
    }

    /// The money line of a period whose hours by system are `hours`; a month bears 1/12 of the yearly licences.
    func line(hours: [String: Double], period: ReportPeriod) -> MoneyLine {
        let share = period.kind == "month" ? 1.0 / 12 : 1.0
        let systems = SystemFamily.allCases.map { family -> MoneyBySystem in
            let saved = ((hours[family.rawValue] ?? 0) * hourlyStaffCostYen).rounded()
            let licence = ((yearlyLicenceYen[family] ?? 0) * share).rounded()
            return MoneyBySystem(system: family.rawValue, savedYen: saved, licenceYen: licence, netYen: saved - licence)
        }
        let saved = systems.reduce(0) { $0 + $1.savedYen }, licence = systems.reduce(0) { $0 + $1.licenceYen }
        return MoneyLine(hourlyStaffCostYen: hourlyStaffCostYen, savedYen: saved, licenceYen: licence, netYen: saved - licence, bySystem: systems)
    }
}
