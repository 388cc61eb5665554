/// Everything a yearly report states, built deterministically from rollups, the catalog and targets.
/// Every figure traces to the source files listed in `sources` and the catalog rows in `catalogRows`.
public struct YearReport: Sendable, Hashable, Codable {
    /// When the report was generated and by which Kouka: stated once, at the top, and fixed by an option
    /// when byte-identical output is wanted.
    public var generatedAt: String
    public var koukaVersion: String
    /// `fiscal-year` or `month`.
    public var period: String
    public var fiscalYear: Int
    /// 令和 label, e.g. 令和6年度 (令和6年5月 for a month).
    public var label: String
    public var from: String
    public var to: String
    public var timezone: String
    public var hoursSaved: HoursSaved
    public var targets: [TargetLine]
    public var tasks: [TaskLine]
    /// Every AI-family task seen in the year, counted or not, and why.
    public var aiTasks: [AITaskLine]
    public var departments: [DepartmentLine]
    public var months: [MonthLine]
    public var unmapped: [UnmappedLine]
    public var unitMismatches: [UnitMismatchLine]
    public var exclusions: Exclusions
    public var sources: [SourceLine]
    /// Configured sources that matched no file when the report was written; nil (left out) when none did.
    public var sourcesMissing: [MissingSourceLine]?
    public var catalog: CatalogUse
    public var method: Method
    /// For the fiscal year under way: hours to date and where they are heading.
    public var projection: Projection?
    /// Yen saved and the net effect (費用対効果), when costs are configured.
    public var money: MoneyLine?
    /// The policy's new systems in this fiscal year (see `NewSystemsLine`); nil for a month.
    public var newSystems: NewSystemsLine? = nil
    /// The whole policy period, for a fiscal year within it (see `PolicyPeriodTable`).
    public var policyPeriod: PolicyPeriodTable? = nil
    /// The path to the RPA target, for the year under way and the next (see `TargetPath`).
    public var targetPath: TargetPath? = nil
    /// A month's report only: its hours in blocks of seven days from the 1st.
    public var weeks: [WeekLine]? = nil
    /// A month's report only: where its fiscal year stands at the month's end (set by the report job).
    public var yearToDate: YearToDate? = nil
    /// The tools' effect, cost and quality for the policy's reviews, with a verdict per tool (`[review]`);
    /// nil in a report built for comparison only.
    public var review: ToolReview? = nil
}

/// Hours to date of the fiscal year under way, and a projection to March 31.
public struct Projection: Sendable, Hashable, Codable {
    /// The last complete day the figures cover: the day before the report was made (the nightly run has not
    /// read the report's own day yet), or the day given.
    public var asOf: String
    public var rpaHoursToDate: Double
    public var projectedRPAHours: Double
    /// `seasonal` (from the same months of earlier years) or `linear` (by days elapsed).
    public var method: String
    public var basis: String
    /// The earlier fiscal years a seasonal projection rests on (empty for a linear one).
    public var yearsUsed: [Int]
    public var target: Double?
    public var onTrack: Bool?
}

/// Money: hours saved × the hourly staff cost, against the tools' licence costs for the period.
public struct MoneyLine: Sendable, Hashable, Codable {
    public var hourlyStaffCostYen: Double
    public var savedYen: Double
    public var licenceYen: Double
    public var netYen: Double
    public var bySystem: [MoneyBySystem]
}

/// One system's money line.
public struct MoneyBySystem: Sendable, Hashable, Codable {
    public var system: String
    public var savedYen: Double
    public var licenceYen: Double
    public var netYen: Double
}

/// Hours saved, rounded to 0.01 h (half away from zero) after summing unrounded minutes.
public struct HoursSaved: Sendable, Hashable, Codable {
    public var total: Double
    /// The part of `total` computed from counts and catalog baselines alone (推計).
    public var estimated: Double
    /// The part of `total` resting on person-time the logs measured (実測).
    public var measured: Double
    /// Keyed by system family (`rpa`, `ai-ocr`, …); every family appears, 0 when unused.
    public var bySystem: [String: Double]
}

/// One metric of the DX policy against its target.
public struct TargetLine: Sendable, Hashable, Codable {
    public var metric: String
    public var label: String
    public var target: Double
    public var actual: Double
    public var met: Bool
}

/// One task (業務) in one department, with one system and unit: a task that two systems support has a line for
/// each, so that counts in different units are never added together.
public struct TaskLine: Sendable, Hashable, Codable {
    public var task: String
    public var name: String
    public var system: String
    public var department: String
    public var unit: String
    public var successes: Int
    /// Failures in the line's unit, which its rework minutes are charged on: failed items on a line in items,
    /// failed runs (jobs, uses) otherwise — those the logs reported as failed, and those that never finished.
    public var failures: Int
    /// Of `failures`, the runs that never reported their end (still running after `pending_max_hours`, or a
    /// closed robot log without the end line): counted as failures by rule, not by what the log said.
    public var unfinished: Int
    public var cancelled: Int
    /// Units handled by successful runs, in the catalog's unit.
    public var units: Double
    public var hoursSaved: Double
    /// `estimate` when the figure comes from counts and the catalog alone, `measured` when the logs
    /// recorded the person-time of every unit, `partly-measured` in between.
    public var basis: String
    public var machineHours: Double
    /// Chatbot answers given outside office hours, left out of `successes` and `hoursSaved` by configuration.
    public var offHoursAnswers: Int
    /// Catalog lines of the rows used (more than one when the baseline changed within the year).
    public var catalogLines: [Int]
    /// Ledger paths of the files the task's runs came from.
    public var sources: [String]
}

/// An AI-family task and whether it counts towards the AI-supported tasks metric (AIを活用した業務数).
public struct AITaskLine: Sendable, Hashable, Codable {
    public var task: String
    public var name: String
    /// The AI systems that supported it.
    public var systems: [String]
    /// Successful uses in the fiscal year on or after `productionFrom`.
    public var uses: Int
    public var productionFrom: String?
    public var counted: Bool
    public var reason: String
}

/// One department's totals.
public struct DepartmentLine: Sendable, Hashable, Codable {
    public var department: String
    /// 1 for the department that saved the most.
    public var rank: Int
    public var hoursSaved: Double
    /// The same period a year before, and the change from it, when that year has figures.
    public var previousYearHours: Double?
    public var change: Double?
    public var tasks: Int
    /// Runs and uses by system and unit: never added up across units.
    public var bySystem: [DepartmentSystemLine]
    /// Hours saved by system family (`rpa`, `ai-ocr`, …; every family appears, 0 when unused), each rounded
    /// once from its own unrounded minutes: hours, unlike counts, may be compared across systems.
    public var hoursBySystem: [String: Double] = [:]
    /// Yen saved (hours × the hourly staff cost, from unrounded hours) when `[money]` is set.
    public var savedYen: Double? = nil
}

/// One department's use of one system, in one unit.
public struct DepartmentSystemLine: Sendable, Hashable, Codable {
    public var system: String
    public var unit: String
    public var successes: Int
    /// Runs counted as failures, `unfinished` included.
    public var failures: Int
    /// Of `failures`, the runs that never reported their end.
    public var unfinished: Int
    /// Units handled by successful runs, in `unit`.
    public var units: Double
    public var hoursSaved: Double
}

/// Hours saved in one month of the fiscal year.
public struct MonthLine: Sendable, Hashable, Codable {
    public var month: String
    public var hoursSaved: Double
    /// Keyed by system family; every family appears.
    public var bySystem: [String: Double]
}

/// A name in the logs that no catalog row in force maps: counted here, saved nothing.
public struct UnmappedLine: Sendable, Hashable, Codable {
    public var name: String
    public var system: String
    public var runs: Int
    public var units: Double
    public var firstDate: String
    public var lastDate: String
    /// An `UnmappedReason` code: `no-catalog-row`, `before-valid-from`, `no-longer-matched` or
    /// `before-valid-from-and-no-longer-matched`.
    public var reason: String
}

/// Successes counted in a different unit from their catalog row: listed, not guessed at.
public struct UnitMismatchLine: Sendable, Hashable, Codable {
    public var task: String
    public var name: String
    public var logUnit: String
    public var catalogUnit: String
    public var runs: Int
    public var units: Double
}

/// What saved nothing, by reason.
public struct Exclusions: Sendable, Hashable, Codable {
    /// Runs counted as failures, `unfinishedRuns` included.
    public var failedRuns: Int
    /// Of `failedRuns`, the runs that never reported their end and were counted as failures by rule.
    public var unfinishedRuns: Int
    public var cancelledRuns: Int
    public var unmappedRuns: Int
    public var unitMismatchRuns: Int
    /// Chatbot answers outside office hours, left out by configuration (0 when the option is off).
    public var offHoursAnswers: Int
    /// Files left out because they are byte-for-byte copies of files that are counted.
    public var duplicateFiles: Int
    /// Rows left out because their run was already counted: the same run id again in one file or in
    /// another file (overlapping exports).
    public var repeatedRuns: Int
    /// Rows left out because they could not be read or counted (quarantined), dated in this period; the
    /// repeated runs are not among them.
    public var rejectedRows = 0
    /// Rows left out whose date could not be read: they belong to no period, so every period shows them.
    public var rejectedRowsDateUnknown = 0
}

/// One source file from the ledger. `rows` and `accepted` are the whole file's; its rejected rows are
/// counted in the period of their own dates.
public struct SourceLine: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var format: String
    public var rows: Int
    public var accepted: Int
    /// The file's rejected rows dated in this period.
    public var rejected: Int
    /// Of the rejected rows, those whose run was already counted.
    public var repeated: Int
    /// The file's rejected rows whose date could not be read: in no period's `rejected`, shown in every period.
    public var rejectedDateUnknown = 0
    public var status: String

    public init(path: String, sha256: String, format: String, rows: Int, accepted: Int, rejected: Int, repeated: Int = 0, status: String) {
        self.repeated = repeated
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.rows = rows
        self.accepted = accepted
        self.rejected = rejected
        self.status = status
    }
}

extension SourceLine {
    /// The ledger status as the reports name it: 読込済 (read; its figures count), 削除済 (deleted since it
    /// was read; its figures still count), 形式違い (not its configured format; nothing counted), 重複 (the
    /// same bytes as a counted file), 読めない (the job could not read it; nothing counted).
    public var statusLabel: String {
        switch status {
        case "present": "読込済"
        case "gone": "削除済"
        case "rejected": "形式違い"
        case "duplicate": "重複"
        case "unreadable": "読めない"
        default: status
        }
    }
}

/// Which catalog, and which of its rows, the figures used.
public struct CatalogUse: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var rows: [CatalogRowLine]
}

/// One catalog row as used.
public struct CatalogRowLine: Sendable, Hashable, Codable {
    public var line: Int
    public var task: String
    public var validFrom: String
    public var unit: String
    public var manualMinutesPerUnit: Double
    public var residualMinutesPerUnit: Double
    public var reworkMinutesPerFailure: Double
}

/// The formulas and rules, stated in the report itself.
public struct Method: Sendable, Hashable, Codable {
    public var hoursSaved: String
    public var dates: String
    public var rounding: String
    /// What happens to runs that never reported their end.
    public var unfinished: String
    /// How a task that several systems support is shown.
    public var multiSystemTasks: String
    /// The office hours chatbot answers were judged by, whether answers outside them are left out, and any
    /// file whose answers were judged by other hours when it was read.
    public var officeHours: String
}
