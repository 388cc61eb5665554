
/// The JSON document `kouka-report` prints on stdout.
package struct ReportSummary: Sendable, Codable, Hashable {
    package var job = "kouka-report"
    package var fiscalYear: Int
    package var label: String
    package var folder: String
    package var files: [String]
    package var hoursSaved: HoursSaved
    package var targets: [TargetLine]
    package var unmappedNames: Int
    /// Configured sources that matched no file when the report was written.
    package var sourcesMissing: [MissingSourceLine]? = nil
    /// Runs of the period still running when the store was last read (exit 1): make the report again after the next nightly run.
    package var runsStillRunning: RunsStillRunning? = nil
    /// Figures of a period that was over when the set replaced was made, stated otherwise now (exit 1): see why before the
    /// set is published.
    package var restated: Restatement? = nil
    /// The set is a 速報 (`PeriodSettling`); with exit 1 when it was made on a day its period's settled figures were due,
    /// the store's last nights not read (a nightly run failed or missed): make it again after the next nightly run.
    package var preliminary: Preliminary? = nil
    package var exitCode: KoukaExitCode
}
