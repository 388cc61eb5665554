/// The report of a whole policy period (`kouka-report --period 2021-2025`): the page the DX推進本部 reviews.
public struct PeriodReport: Sendable, Hashable, Codable {
    public var generatedAt: String
    public var koukaVersion: String
    /// Always `policy-period`.
    public var period: String
    public var label: String
    public var timezone: String
    public var table: PolicyPeriodTable
    /// The path to the RPA target of the year under way and the next, when either lies in the period.
    public var targetPath: TargetPath?
    /// Each year's new systems from the register, live and planned.
    public var newSystems: [NewSystemsLine]
    /// The catalog the figures used.
    public var catalogPath: String
    public var catalogSHA256: String

    public init(generatedAt: String, koukaVersion: String, timezone: String, table: PolicyPeriodTable, targetPath: TargetPath?,
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
    public var stem: String { "period-\(table.from)-\(table.to)" }
}
