
/// What a yearly report is built from.
package struct ReportInputs: Sendable {
    package var period: ReportPeriod
    /// The last day counted, for a period cut at a day (a month's year to date): the rollups hold running totals of periods
    /// from after it, to tell where each count fell, and those periods are not counted (helper-140: a DeepL period from
    /// December in November's year to date). Nil: the period's last day.
    package var countedThrough: LocalDate? = nil
    /// The tasks (`family`, NUL, name in the log) any counted file of the store gives items for on a day up to the period's
    /// last counted day, whatever its period: a queue robot whose queue was empty all month gives none in the month
    /// (helper-141: its honest runs listed as mismatches in the month's report, not the year's). Nil: those the rollups give.
    package var tasksGivingItems: Set<String>? = nil
    package var rollups: [DailyRollup]
    package var catalog: TaskCatalog
    package var catalogPath: String
    package var catalogSHA256: String
    package var targets: TargetTable
    /// Ledger lines by ledger id.
    package var sources: [Int64: SourceLine]
    package var timezone: String
    /// Whether chatbot answers given outside office hours are left out.
    package var excludeOffHoursChatbotAnswers: Bool
    /// The configured office hours (`[office_hours]`), stated in the method.
    package var officeHours: OfficeHours
    /// The files whose chatbot answers in the period were judged by other office hours when they were read
    /// (a file gone since, or not read again yet), by path, with the ledger's text of those hours: their
    /// answers do not follow `officeHours`, and the method names them.
    package var otherOfficeHours: [String: String]
    /// Successful uses an AI task needs in the year to count as AI-supported.
    package var minimumAIUses: Int
    /// Stated at the top of the report.
    package var generatedAt: String
    package var koukaVersion: String
    /// Hours saved by department in the same period a year before, when known.
    package var previousDepartmentHours: [String: Double]?
    package var money: MoneySettings?
    /// How long a run may stay unfinished before it is counted as a failure, stated in the method.
    package var pendingMaxHours: Double

    package init(
        period: ReportPeriod, rollups: [DailyRollup], catalog: TaskCatalog, catalogPath: String, catalogSHA256: String,
        targets: TargetTable, sources: [Int64: SourceLine], timezone: String, excludeOffHoursChatbotAnswers: Bool = false,
        minimumAIUses: Int = 1, generatedAt: String = "", koukaVersion: String = "", previousDepartmentHours: [String: Double]? = nil,
        money: MoneySettings? = nil, pendingMaxHours: Double = 24, officeHours: OfficeHours = .cityHall, otherOfficeHours: [String: String] = [:]
    ) {
        self.officeHours = officeHours
        self.otherOfficeHours = otherOfficeHours
        self.pendingMaxHours = pendingMaxHours
        self.period = period
        self.generatedAt = generatedAt
        self.koukaVersion = koukaVersion
        self.previousDepartmentHours = previousDepartmentHours
        self.money = money
        self.rollups = rollups
        self.catalog = catalog
        self.catalogPath = catalogPath
        self.catalogSHA256 = catalogSHA256
        self.targets = targets
        self.sources = sources
        self.timezone = timezone
        self.excludeOffHoursChatbotAnswers = excludeOffHoursChatbotAnswers
        self.minimumAIUses = minimumAIUses
    }
}
