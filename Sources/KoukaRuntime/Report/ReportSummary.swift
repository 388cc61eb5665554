import KoukaReports

/// The JSON document `kouka-report` prints on stdout.
public struct ReportSummary: Sendable, Codable, Hashable {
    public var job = "kouka-report"
    public var fiscalYear: Int
    public var label: String
    public var folder: String
    public var files: [String]
    public var hoursSaved: HoursSaved
    public var targets: [TargetLine]
    public var unmappedNames: Int
    /// Configured sources that matched no file when the report was written.
    public var sourcesMissing: [MissingSourceLine]? = nil
    public var exitCode: KoukaExitCode
}
