/// Everything a yearly report states, built deterministically from rollups, the catalog and targets.
/// Every figure traces to the source files listed in `sources` and the catalog rows in `catalogRows`.
package struct YearReport: Sendable, Hashable, Codable {
    /// When the report was generated and by which Kouka: stated once, at the top, and fixed by an option
    /// when byte-identical output is wanted.
    package var generatedAt: String
    package var koukaVersion: String
    /// `fiscal-year` or `month`.
    package var period: String
    package var fiscalYear: Int
    /// 令和 label, e.g. 令和6年度 (令和6年5月 for a month).
    package var label: String
    package var from: String
    package var to: String
    package var timezone: String
    package var hoursSaved: HoursSaved
    package var targets: [TargetLine]
    package var tasks: [TaskLine]
    /// Every AI-family task seen in the year, counted or not, and why.
    package var aiTasks: [AITaskLine]
    package var departments: [DepartmentLine]
    package var months: [MonthLine]
    package var unmapped: [UnmappedLine]
    package var unitMismatches: [UnitMismatchLine]
    package var exclusions: Exclusions
    package var sources: [SourceLine]
    /// Configured sources that matched no file when the report was written; nil (left out) when none did.
    package var sourcesMissing: [MissingSourceLine]?
    /// Runs of the period still running when the store was last read, left out of every figure (set by the report job); nil
    /// (left out) when none were.
    package var runsStillRunning: RunsStillRunning? = nil
    package var catalog: CatalogUse
    package var method: Method
    /// For the fiscal year under way: hours to date and where they are heading.
    package var projection: Projection?
    /// Yen saved and the net effect (費用対効果), when costs are configured.
    package var money: MoneyLine?
    /// The policy's new systems in this fiscal year (see `NewSystemsLine`); nil for a month.
    package var newSystems: NewSystemsLine? = nil
    /// The whole policy period, for a fiscal year within it (see `PolicyPeriodTable`).
    package var policyPeriod: PolicyPeriodTable? = nil
    /// The path to the RPA target, for the year under way and the next (see `TargetPath`).
    package var targetPath: TargetPath? = nil
    /// A month's report only: its hours in blocks of seven days from the 1st.
    package var weeks: [WeekLine]? = nil
    /// A month's report only: where its fiscal year stands at the month's end (set by the report job).
    package var yearToDate: YearToDate? = nil
    /// The tools' effect, cost and quality for the policy's reviews, with a verdict per tool (`[review]`);
    /// nil in a report built for comparison only.
    package var review: ToolReview? = nil
    /// The last day of the year before's period that its departments' 前年同期 compares, for a period under way when the report
    /// was made (its same days); nil when compared with the whole period before.
    package var previousYearThrough: String? = nil
    /// The sets this one replaced whose period was over when they were made and whose figures it restates, oldest first,
    /// each with the figures that changed (set by the report job, `ReportRestating`); nil (left out) when there were none.
    package var restatements: [Restatement]? = nil
    /// A set of a period that is over made before its figures settled (`PeriodSettling`): 速報; nil (left out) otherwise.
    package var preliminary: Preliminary? = nil
    /// The last complete day of the store the set's figures are as of (set by the report job, from 0.5.13): a month's year
    /// to date stops at the month's end, so it cannot tell whether the month was settled when the set was made.
    package var asOf: String? = nil
    /// The uses after go-live a task needs in the period to count as AI-supported (`[ai_tasks] minimum_uses`), stated from
    /// 0.5.13: a set made before it changed states other counts, outdated by the setting, not edited (helper-149 #5).
    package var aiTasksMinimumUses: Int? = nil
}

/// Hours to date of the fiscal year under way, and a projection to March 31.
package struct Projection: Sendable, Hashable, Codable {
    /// The last complete day the figures cover: the day before the report was made (the nightly run has not
    /// read the report's own day yet), or the day given.
    package var asOf: String
    package var rpaHoursToDate: Double
    package var projectedRPAHours: Double
    /// `seasonal` (from the same months of earlier years) or `linear` (by days elapsed).
    package var method: String
    package var basis: String
    /// The earlier fiscal years a seasonal projection rests on (empty for a linear one).
    package var yearsUsed: [Int]
    package var target: Double?
    package var onTrack: Bool?
}

/// Money: hours saved × the hourly staff cost, against the tools' licence costs for the period.
package struct MoneyLine: Sendable, Hashable, Codable {
    package var hourlyStaffCostYen: Double
    package var savedYen: Double
    package var licenceYen: Double
    package var netYen: Double
    package var bySystem: [MoneyBySystem]
}

/// One system's money line.
package struct MoneyBySystem: Sendable, Hashable, Codable {
    package var system: String
    package var savedYen: Double
    package var licenceYen: Double
    package var netYen: Double
}

/// Hours saved, rounded to 0.01 h (half away from zero) after summing unrounded minutes.
package struct HoursSaved: Sendable, Hashable, Codable {
    package var total: Double
    /// The part of `total` computed from counts and catalog baselines alone (推計).
    package var estimated: Double
    /// The part of `total` resting on person-time the logs measured (実測).
    package var measured: Double
    /// Keyed by system family (`rpa`, `ai-ocr`, …); every family appears, 0 when unused.
    package var bySystem: [String: Double]
}

/// One metric of the DX policy against its target.
package struct TargetLine: Sendable, Hashable, Codable {
    package var metric: String
    package var label: String
    package var target: Double
    /// Nil when the period's logs hold no record at all of the metric's tools (`PolicyPeriodBuilder.hasRecords`):
    /// a year whose logs were never read has an unknown figure, not 0, and a report must say 記録なし.
    package var actual: Double?
    /// Whether `actual` reaches `target`; without an actual only a target of 0 or less is met.
    package var met: Bool

    package init(metric: String, label: String, target: Double, actual: Double?) {
        self.metric = metric
        self.label = label
        self.target = target
        self.actual = actual
        met = actual.map { $0 >= target } ?? (target <= 0)
    }

    private enum CodingKeys: String, CodingKey { case metric, label, target, actual, met }

    // An unknown actual is written as null, not left out, so that a reader of the JSON sees it is unknown rather than missing.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric, forKey: .metric)
        try c.encode(label, forKey: .label)
        try c.encode(target, forKey: .target)
        try c.encode(actual, forKey: .actual)
        try c.encode(met, forKey: .met)
    }
}

/// One task (業務) in one department, with one system and unit: a task that two systems support has a line for
/// each, so that counts in different units are never added together.
package struct TaskLine: Sendable, Hashable, Codable {
    package var task: String
    package var name: String
    package var system: String
    package var department: String
    package var unit: String
    package var successes: Int
    /// Failures in the line's unit, which its rework minutes are charged on: failed items on a line in items,
    /// failed runs (jobs, uses) otherwise — those the logs reported as failed, and those that never finished.
    package var failures: Int
    /// Of `failures`, the runs that never reported their end (still running after `pending_max_hours`, or a
    /// closed robot log without the end line): counted as failures by rule, not by what the log said.
    package var unfinished: Int
    package var cancelled: Int
    /// Units handled by successful runs, in the catalog's unit.
    package var units: Double
    package var hoursSaved: Double
    /// `estimate` when the figure comes from counts and the catalog alone, `measured` when the logs
    /// recorded the person-time of every unit, `partly-measured` in between.
    package var basis: String
    package var machineHours: Double
    /// Chatbot answers given outside office hours, left out of `successes` and `hoursSaved` by configuration.
    package var offHoursAnswers: Int
    /// Catalog lines of the rows used (more than one when the baseline changed within the year).
    package var catalogLines: [Int]
    /// Ledger paths of the files the task's runs came from.
    package var sources: [String]
}

/// An AI-family task and whether it counts towards the AI-supported tasks metric (AIを活用した業務数).
package struct AITaskLine: Sendable, Hashable, Codable {
    package var task: String
    package var name: String
    /// The AI systems that supported it.
    package var systems: [String]
    /// Successful uses in the fiscal year on or after `productionFrom`.
    package var uses: Int
    package var productionFrom: String?
    package var counted: Bool
    package var reason: String
}

/// One department's totals.
package struct DepartmentLine: Sendable, Hashable, Codable {
    package var department: String
    /// 1 for the department that saved the most.
    package var rank: Int
    package var hoursSaved: Double
    /// The same period a year before, and the change from it, when that year has figures.
    package var previousYearHours: Double?
    package var change: Double?
    package var tasks: Int
    /// Runs and uses by system and unit: never added up across units.
    package var bySystem: [DepartmentSystemLine]
    /// Hours saved by system family (`rpa`, `ai-ocr`, …; every family appears, 0 when unused), each rounded
    /// once from its own unrounded minutes: hours, unlike counts, may be compared across systems.
    package var hoursBySystem: [String: Double] = [:]
    /// Yen saved (hours × the hourly staff cost, from unrounded hours) when `[money]` is set.
    package var savedYen: Double? = nil
}

/// One department's use of one system, in one unit.
package struct DepartmentSystemLine: Sendable, Hashable, Codable {
    package var system: String
    package var unit: String
    package var successes: Int
    /// Runs counted as failures, `unfinished` included.
    package var failures: Int
    /// Of `failures`, the runs that never reported their end.
    package var unfinished: Int
    /// Units handled by successful runs, in `unit`.
    package var units: Double
    package var hoursSaved: Double
}

/// Hours saved in one month of the fiscal year.
package struct MonthLine: Sendable, Hashable, Codable {
    package var month: String
    package var hoursSaved: Double
    /// Keyed by system family; every family appears.
    package var bySystem: [String: Double]
}

/// A name in the logs that no catalog row in force maps: counted here, saved nothing.
package struct UnmappedLine: Sendable, Hashable, Codable {
    package var name: String
    package var system: String
    package var runs: Int
    package var units: Double
    package var firstDate: String
    package var lastDate: String
    /// An `UnmappedReason` code: `no-catalog-row`, `before-valid-from`, `no-longer-matched` or
    /// `before-valid-from-and-no-longer-matched`.
    package var reason: String
}

/// Successes counted in a different unit from their catalog row: listed, not guessed at.
package struct UnitMismatchLine: Sendable, Hashable, Codable {
    package var task: String
    package var name: String
    package var logUnit: String
    package var catalogUnit: String
    package var runs: Int
    package var units: Double
}

/// What saved nothing, by reason.
package struct Exclusions: Sendable, Hashable, Codable {
    /// Runs counted as failures, `unfinishedRuns` included.
    package var failedRuns: Int
    /// Of `failedRuns`, the runs that never reported their end and were counted as failures by rule.
    package var unfinishedRuns: Int
    package var cancelledRuns: Int
    package var unmappedRuns: Int
    package var unitMismatchRuns: Int
    /// Chatbot answers outside office hours, left out by configuration (0 when the option is off).
    package var offHoursAnswers: Int
    /// Files left out because they are byte-for-byte copies of files that are counted.
    package var duplicateFiles: Int
    /// Rows left out because their run was already counted: the same run id again in one file or in
    /// another file (overlapping exports).
    package var repeatedRuns: Int
    /// Rows left out because they could not be read or counted (quarantined), dated in this period; the
    /// repeated runs are not among them.
    package var rejectedRows = 0
    /// Rows left out whose date could not be read: they belong to no period, so every period shows them.
    package var rejectedRowsDateUnknown = 0
}

/// One source file from the ledger. `rows` and `accepted` are the whole file's; its rejected rows are
/// counted in the period of their own dates.
package struct SourceLine: Sendable, Hashable, Codable {
    package var path: String
    package var sha256: String
    package var format: String
    package var rows: Int
    package var accepted: Int
    /// The file's rejected rows dated in this period.
    package var rejected: Int
    /// Of the rejected rows, those whose run was already counted.
    package var repeated: Int
    /// The file's rejected rows whose date could not be read: in no period's `rejected`, shown in every period.
    package var rejectedDateUnknown = 0
    package var status: String
    /// The file's rows counted that are identical (task, start, status) to another row, of another file or of this one,
    /// whatever their day; nil when none (and in reports of Kouka before 0.4.8). No run id tells whether they are one run
    /// exported twice: a report states them to be looked at.
    package var identical: Int?

    package init(path: String, sha256: String, format: String, rows: Int, accepted: Int, rejected: Int, repeated: Int = 0, status: String) {
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
    /// The sources with rows identical to other rows (`identical`), as the reports list them to be looked at.
    package static func withIdenticalRows(_ sources: [SourceLine]) -> [(path: String, rows: Int)] {
        sources.compactMap { s in s.identical.flatMap { $0 > 0 ? (s.path, $0) : nil } }
    }

    /// What the reports say of rows identical to other rows, before the list of their files.
    package static let identicalRowsLabel = "他の行と業務・開始日時・結果が同じ行（実行IDがなく、同じ実行を二度書き出したものか見分けられないため、それぞれ数えた。ログの重なりを確認してください。ファイル全体の行数）"

    /// The ledger status as the reports name it: 読込済 (read; its figures count), 読取対象外 (no longer among the
    /// sources since it was read — deleted, moved, or its `[[source]]` removed or not matching it; its figures still count), 形式違い (not its configured format; nothing counted), 重複 (the
    /// same bytes as a counted file), 読めない (the job could not read it; nothing counted).
    package var statusLabel: String {
        switch status {
        case "present": "読込済"
        case "gone": "読取対象外"
        case "rejected": "形式違い"
        case "duplicate": "重複"
        case "unreadable": "読めない"
        default: status
        }
    }
}

/// Which catalog, and which of its rows, the figures used.
package struct CatalogUse: Sendable, Hashable, Codable {
    package var path: String
    package var sha256: String
    package var rows: [CatalogRowLine]
}

/// One catalog row as used.
package struct CatalogRowLine: Sendable, Hashable, Codable {
    package var line: Int
    package var task: String
    package var validFrom: String
    package var unit: String
    package var manualMinutesPerUnit: Double
    package var residualMinutesPerUnit: Double
    package var reworkMinutesPerFailure: Double
}

/// The formulas and rules, stated in the report itself.
package struct Method: Sendable, Hashable, Codable {
    package var hoursSaved: String
    package var dates: String
    package var rounding: String
    /// What happens to runs that never reported their end.
    package var unfinished: String
    /// How a task that several systems support is shown.
    package var multiSystemTasks: String
    /// The office hours chatbot answers were judged by, whether answers outside them are left out, and any
    /// file whose answers were judged by other hours when it was read.
    package var officeHours: String
}
