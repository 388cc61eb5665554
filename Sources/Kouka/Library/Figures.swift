/// A fiscal year's figures, as the yearly report states them: hours saved by task, system and department,
/// the AI-supported tasks, the targets, what was left out and the files every figure came from.
///
/// Built by the same code as `kouka-report`'s report, from the same rollups: the numbers are the report's,
/// rounded as it rounds them (hours to two decimals, each total rounded once from unrounded minutes).
public struct Figures: Sendable, Hashable, Codable {
    /// The fiscal year, named by the calendar year it begins in (2024 is April 2024 to March 2025).
    public var fiscalYear: Int
    /// The year's name in the Japanese era, such as 令和6年度.
    public var label: String
    /// The first day of the year, `yyyy-MM-dd`: April 1.
    public var firstDay: String
    /// The last day of the year, `yyyy-MM-dd`: March 31 of the next calendar year.
    public var lastDay: String
    /// The zone in which days and fiscal years were taken, such as Asia/Tokyo.
    public var timeZone: String
    /// Hours saved by every tool together: the unrounded minutes of every line, rounded once.
    public var hoursSaved: Double
    /// Hours saved by system family: `rpa`, `ai-ocr`, `minutes`, `chatbot`, `translation` (each present, 0 when unused).
    public var hoursSavedBySystem: [String: Double]
    /// One line per task (業務), department, system and unit.
    public var tasks: [Task]
    /// Hours saved by department, the department that saved most first.
    public var departments: [Department]
    /// The AI tasks of the year, those that count towards the AI-supported tasks metric and those that do not.
    public var aiTasks: [AITask]
    /// The DX policy's metrics for the year against their targets; empty when the year has none.
    public var targets: [Target]
    /// Runs and rows that saved nothing, by why.
    public var excluded: Excluded
    /// The files the figures came from, with their SHA-256, so an auditor can trace every figure to its bytes.
    public var sources: [Source]
    /// The task catalog the baselines came from, relative to the folder of the configuration or of the logs.
    public var catalog: String
    /// The SHA-256 of the catalog's bytes, 64 hexadecimal digits.
    public var catalogSHA256: String

    /// Hours saved by RPA robots: the figure the DX policy's RPA target is stated in.
    public var rpaHoursSaved: Double { hoursSavedBySystem[SystemFamily.rpa.rawValue] ?? 0 }

    /// The task IDs that count as AI-supported tasks (AIを活用した業務) this year.
    public var aiSupportedTasks: [String] { aiTasks.filter(\.counted).map(\.task) }
}
