import Foundation

/// The one canonical record every parser produces: one run, job or use of a tool.
public struct UsageEvent: Sendable, Hashable {
    /// The kind of tool that did the work.
    public var family: SystemFamily
    /// The instant the run started; its local date in the configured zone decides day and fiscal year.
    public var occurredAt: Date
    /// The name the log gives the work (process, scenario, flow, form, meeting body, intent); the task
    /// catalog maps it to a task (業務) when reports are built.
    public var taskName: String
    /// The department the log names, if it names one.
    public var department: String?
    /// How the run or use ended.
    public var outcome: Outcome
    /// How much work it did, in ``unit``: 1 for a run counted in runs, else its items, sheets, audio minutes,
    /// inquiries or characters.
    public var quantity: Double
    /// The unit of ``quantity``; it must be the catalog row's unit for a success to count.
    public var unit: EffectUnit
    /// Seconds the machine worked, when the log records them.
    public var machineSeconds: Double?
    /// Seconds a person spent checking or editing, when the log records them; replaces the catalog's
    /// residual estimate.
    public var humanSeconds: Double?
    /// The file and line the record came from, so the figure it adds to can be traced to it.
    public var source: SourceLocation
    /// The quantity is a running total of the period that starts at `occurredAt` (a DeepL usage snapshot),
    /// not a use of its own: of one period, the largest total counts, never the sum of several.
    public var cumulative: Bool
    /// With `cumulative`: the quantity is the running total as of `occurredAt`'s day of a period whose start
    /// is not known (DeepL Free and Pro Classic answer no period). A count smaller than the day before's
    /// starts a new period (`RunningTotals`).
    public var undatedPeriod: Bool
    /// Whether this event is a run (job, use) in the counts of runs: false for the part of a run that another event of
    /// the same run counts, such as a UiPath run's failed queue items beside the run's own outcome. Reports' run counts
    /// (失敗 回, a tool review's runs and failure rate) count each run once, under its own outcome.
    public var countsAsRun: Bool
    /// What the log says about the quality of the work (fields corrected, an inquiry left unanswered…);
    /// empty when it says nothing.
    package var quality: [QualityMeasure: Double] = [:]
    /// A cancelled run that never started, dated by the day it was scheduled for (a WinActor task cancelled ahead, before a
    /// holiday): a day ahead is a booking, not a clock out of time (`EventWindow`).
    package var cancelledBeforeItsDay = false

    /// An event; the optional facts default to what a log that does not state them means.
    public init(
        family: SystemFamily, occurredAt: Date, taskName: String, department: String? = nil,
        outcome: Outcome, quantity: Double, unit: EffectUnit, machineSeconds: Double? = nil,
        humanSeconds: Double? = nil, source: SourceLocation, cumulative: Bool = false,
        undatedPeriod: Bool = false, countsAsRun: Bool = true
    ) {
        self.countsAsRun = countsAsRun
        self.cumulative = cumulative
        self.undatedPeriod = undatedPeriod
        self.family = family
        self.occurredAt = occurredAt
        self.taskName = taskName
        self.department = department
        self.outcome = outcome
        self.quantity = quantity
        self.unit = unit
        self.machineSeconds = machineSeconds
        self.humanSeconds = humanSeconds
        self.source = source
    }
}
