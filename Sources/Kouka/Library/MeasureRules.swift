import Foundation

/// The rules figures are computed by, beyond the catalog: the same as a configuration file's
/// (`[targets]`, `[office_hours]`, `[ai_tasks]`, `[nightly] pending_max_hours`), with the same defaults.
public struct MeasureRules: Sendable {
    /// Successful uses that handled something (not 0 units) an AI task needs in a fiscal year to count as AI-supported
    /// (`[ai_tasks] minimum_uses`).
    public var minimumAIUses = 1
    /// Whether chatbot answers given outside office hours are left out (`[office_hours] exclude_chatbot_answers`).
    public var excludeOffHoursChatbotAnswers = false
    /// How long a run may stay unfinished before it is counted as a failure, in hours (`pending_max_hours`).
    public var pendingMaxHours = 24.0
    package var officeHours = OfficeHours.cityHall
    package var targets = TargetTable.dxPolicyDefaults

    /// The defaults: the city's DX policy targets for fiscal years 2021–2025, office hours 8:30–17:15.
    public init() {}

    /// The rules the configuration file at `configuration` states.
    /// - Throws: `ConfigurationError` when the configuration cannot be used.
    public init(configuration: String, formats: LogFormats = .builtIn) throws(ConfigurationError) {
        self.init(try Configuration.load(path: configuration, formats: formats))
    }

    package init(_ configuration: Configuration) {
        minimumAIUses = configuration.minimumAIUses
        excludeOffHoursChatbotAnswers = configuration.excludeOffHoursChatbotAnswers
        pendingMaxHours = configuration.pendingMaxAge / 3600
        officeHours = configuration.officeHours
        targets = configuration.targets
    }

    /// The RPA hours, AI-supported tasks and new systems targeted for `fiscalYear`, nil where none is set.
    public func targets(for fiscalYear: Int) -> (rpaHours: Double?, aiTasks: Int?, newSystems: Int?) {
        let year = targets.targets(for: FiscalYear(fiscalYear))
        return (year.rpaHours, year.aiTasks, year.newSystems)
    }

    /// Sets the targets of `fiscalYear`; nil removes one (the year's figures then state no target for it).
    public mutating func setTargets(for fiscalYear: Int, rpaHours: Double?, aiTasks: Int?, newSystems: Int?) {
        targets.years[fiscalYear] = YearTargets(rpaHours: rpaHours, aiTasks: aiTasks, newSystems: newSystems)
    }
}
