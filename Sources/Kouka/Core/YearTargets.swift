/// The DX policy's targets for one fiscal year.
package struct YearTargets: Sendable, Hashable, Codable {
    package var rpaHours: Double?
    package var aiTasks: Int?
    package var newSystems: Int?

    package init(rpaHours: Double? = nil, aiTasks: Int? = nil, newSystems: Int? = nil) {
        self.rpaHours = rpaHours
        self.aiTasks = aiTasks
        self.newSystems = newSystems
    }
}

/// Targets by fiscal year. Other cities configure their own; these defaults are measure ④-1 of the
/// city's DX policy (FY2021–2025).
package struct TargetTable: Sendable, Hashable {
    package var years: [Int: YearTargets]

    package init(years: [Int: YearTargets]) { self.years = years }

    package static let dxPolicyDefaults = TargetTable(years: [
        2021: YearTargets(rpaHours: 1200, aiTasks: 4, newSystems: 0),
        2022: YearTargets(rpaHours: 1600, aiTasks: 4, newSystems: 0),
        2023: YearTargets(rpaHours: 2000, aiTasks: 4, newSystems: 0),
        2024: YearTargets(rpaHours: 2500, aiTasks: 4, newSystems: 1),
        2025: YearTargets(rpaHours: 3000, aiTasks: 5, newSystems: 2),
    ])

    package func targets(for year: FiscalYear) -> YearTargets { years[year.startYear] ?? YearTargets() }
}
