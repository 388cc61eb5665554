/// One row of the task catalog: the baseline of one task (業務) from its `valid_from` date on.
package struct CatalogEntry: Sendable, Hashable, Codable {
    package var taskID: String
    package var name: String
    package var department: String
    package var system: SystemFamily
    package var unit: EffectUnit
    /// Minutes a person needed per unit before automation (per 1,000 characters for translation).
    package var manualMinutesPerUnit: Double
    /// Minutes of checking that remain per unit after automation.
    package var residualMinutesPerUnit: Double
    /// Minutes of rework one failed run causes; subtracted from the task's savings. 0 when not given.
    package var reworkMinutesPerFailure: Double
    /// The first day this row's baseline is in force.
    package var validFrom: LocalDate
    /// The first day the task was in production; uses before it count for nothing in the AI task count.
    package var productionFrom: LocalDate?
    /// For a task not yet in production: the units (in the unit its logs will count) it is expected to handle
    /// in a whole year, from which reports show the hours it would add (見込み, never an actual figure).
    package var expectedUnitsPerYear: Double?
    /// Names in the logs that belong to this task.
    package var patterns: [String]
    /// The catalog file line this row came from, for the report's methodology section.
    package var line: Int

    package init(
        taskID: String, name: String, department: String, system: SystemFamily, unit: EffectUnit,
        manualMinutesPerUnit: Double, residualMinutesPerUnit: Double, reworkMinutesPerFailure: Double = 0,
        validFrom: LocalDate, productionFrom: LocalDate? = nil, patterns: [String], line: Int = 0, expectedUnitsPerYear: Double? = nil
    ) {
        self.expectedUnitsPerYear = expectedUnitsPerYear
        self.taskID = taskID
        self.name = name
        self.department = department
        self.system = system
        self.unit = unit
        self.manualMinutesPerUnit = manualMinutesPerUnit
        self.residualMinutesPerUnit = residualMinutesPerUnit
        self.reworkMinutesPerFailure = reworkMinutesPerFailure
        self.validFrom = validFrom
        self.productionFrom = productionFrom
        self.patterns = patterns
        self.line = line
    }

    /// Minutes saved by one successful unit when no person's time was measured.
    package var savedMinutesPerUnit: Double { manualMinutesPerUnit - residualMinutesPerUnit }
}
