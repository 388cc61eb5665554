/// What a daily rollup is grouped by. The task is kept as the log's own name, and the catalog maps it
/// when a report is built, so a catalog change recomputes every report without re-reading a log.
public struct RollupKey: Sendable, Hashable, Comparable {
    /// The local date on which the runs started.
    public var date: LocalDate
    /// The department the log names, or "" when it names none (the catalog's department is used then).
    public var department: String
    /// The kind of tool.
    public var family: SystemFamily
    /// The log's own name for the work, which the catalog maps when figures are built.
    public var taskName: String
    /// How the runs ended.
    public var outcome: Outcome
    /// The unit the runs' quantities are in.
    public var unit: EffectUnit
    /// A chatbot answer given outside office hours (always false for other families).
    public var offHours: Bool
    /// The events are running totals of a period starting on `date` (`UsageEvent.cumulative`): of rollups with
    /// the same key from several files, the largest counts (`RunningTotals`), not their sum.
    public var cumulative: Bool
    /// With `cumulative`: running totals as of `date` of a period whose start is not known
    /// (`UsageEvent.undatedPeriod`); `RunningTotals` finds the periods where the count falls.
    public var undatedPeriod: Bool

    /// A key; the flags are false for all but chatbot answers outside office hours and running totals.
    public init(
        date: LocalDate, department: String, family: SystemFamily, taskName: String, outcome: Outcome, unit: EffectUnit, offHours: Bool = false,
        cumulative: Bool = false, undatedPeriod: Bool = false
    ) {
        self.cumulative = cumulative
        self.undatedPeriod = undatedPeriod
        self.date = date
        self.department = department
        self.family = family
        self.taskName = taskName
        self.outcome = outcome
        self.unit = unit
        self.offHours = offHours
    }

    /// Orders keys by date, department, family, name, outcome and unit, then the flags: the order rollups are stored in.
    public static func < (a: RollupKey, b: RollupKey) -> Bool {
        // Field by field, each compared once: a report sorts a year's rollups with this.
        if a.date != b.date { return a.date < b.date }
        if a.department != b.department { return a.department < b.department }
        if a.family != b.family { return a.family < b.family }
        if a.taskName != b.taskName { return a.taskName < b.taskName }
        if a.outcome != b.outcome { return a.outcome < b.outcome }
        if a.unit != b.unit { return a.unit < b.unit }
        if a.offHours != b.offHours { return !a.offHours && b.offHours }
        if a.cumulative != b.cumulative { return !a.cumulative && b.cumulative }
        return !a.undatedPeriod && b.undatedPeriod
    }
}
