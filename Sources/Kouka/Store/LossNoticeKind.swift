
/// Under which list of a nightly summary a notice kept with a file's commit belongs (`loss_notices.kind`, from 0.5.13).
package enum LossNoticeKind: String, Sendable {
    /// `filesLosingRuns`: it holds fewer runs than it counted, or no longer a period's running totals.
    case losingRuns = "losing"
    /// `filesRestatingDays`: read again, it gives other figures for days it counted.
    case restatingDays = "restating"
    /// `robotLogsRewritten`: a robot's log of a day that is over holds other bytes than it was read as.
    case robotLogRewritten = "rewritten"
    /// `runsFromStudio`: a robot's log holds runs started from UiPath Studio, not counted (from 0.5.14; helper-170 #2: a run
    /// killed during the upgrade's reading lost the statement of those it had recorded).
    case runsFromStudio = "studio"
}
