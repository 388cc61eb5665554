/// The report of a whole policy period (`kouka-report --period 2021-2025`): the page the DX推進本部 reviews.
package struct PeriodReport: Sendable, Hashable, Codable {
    package var generatedAt: String
    package var koukaVersion: String
    /// Always `policy-period`.
    package var period: String
    package var label: String
    package var timezone: String
    package var table: PolicyPeriodTable
    /// The path to the RPA target of the year under way and the next, when either lies in the period.
    package var targetPath: TargetPath?
    /// Each year's new systems from the register, live and planned.
    package var newSystems: [NewSystemsLine]
    /// The catalog the figures used.
    package var catalogPath: String
    package var catalogSHA256: String
    /// The settings the years' AI-supported tasks were counted by (from 0.5.16): the uses a task needs, and the office hours
    /// chatbot answers were judged by with whether those outside them were left out. A set made before either changed
    /// states other counts without anyone having edited it (helper-192 #2: verify named it edited).
    package var aiTasksMinimumUses: Int?
    package var officeHours: String?

    package init(generatedAt: String, koukaVersion: String, timezone: String, table: PolicyPeriodTable, targetPath: TargetPath?,
                newSystems: [NewSystemsLine], catalogPath: String, catalogSHA256: String) {
        self.generatedAt = generatedAt
        self.koukaVersion = koukaVersion
        period = "policy-period"
        label = "\(table.label) DX推進の目標と実績"
        self.timezone = timezone
        self.table = table
        self.targetPath = targetPath
        self.newSystems = newSystems
        self.catalogPath = catalogPath
        self.catalogSHA256 = catalogSHA256
    }

    /// The report set's name: `period-2021-2025`.
    package var stem: String { "period-\(table.from)-\(table.to)" }
}
