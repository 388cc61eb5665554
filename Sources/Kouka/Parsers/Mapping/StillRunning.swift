import Foundation

/// A mapped row whose status is in the source's `unfinished` list: its run goes on. It waits for its end up to
/// `pending_max_hours` from the row's time; past that it never finished, and counts as unfinished (a failure, with its
/// rework) when `run_id` is mapped, so that a later export holding it ended takes it over. Without run ids such an
/// export's row could not be told from this one and the run would count twice: the row is rejected with its line.
///
/// Every mapped format reads its rows so (robots' CSV, AI-OCR jobs, minutes sessions, translation requests): an AI-OCR
/// job shown 処理中 for ever was a pending run for ever, counted nowhere with exit 0 (helper-74's
/// mapped_unfinished_never_counted.sh).
enum StillRunning {
    /// The row's outcome: `listed` (its status in a list of the mapping), else unfinished once the run started at `since`
    /// is older than `pending_max_hours`, else nil: it waits, and `summary` counts it among the pending runs. `since` is
    /// read only for a row still running.
    static func outcome(listed: Outcome?, since: @autoclosure () throws(RowProblem) -> Date, context: ParseContext, options: SourceOptions,
                        summary: inout ParseSummary) throws(RowProblem) -> Outcome? {
        if let listed { return listed }
        guard context.now.timeIntervalSince(try since()) > context.pendingMaxAge else {
            summary.pendingRuns += 1
            return nil
        }
        guard !MappedRuns.keepsRowKeys(options) else {
            throw RowProblem("still running (its status is in the unfinished list) past pending_max_hours, and without a run_id column Kouka cannot tell it from the same run ended in a later export, so it is not counted: map run_id to count it as unfinished, or check the tool")
        }
        return .unfinished
    }

    /// Counts a mapped row by its outcome (`outcome(listed:since:context:options:summary:)`): `event` builds the row's event for
    /// an outcome, with its run id and line, and `runs` counts it once. A run still waiting is built as unfinished and kept
    /// waiting (`MappedRuns.keepWaiting`), not counted: should its file be deleted before it ends, the file counts it unfinished
    /// once it is past `pending_max_hours`. Its other fields are judged once it ends: one that does not read leaves it a
    /// pending run only, as before.
    static func count(listed: Outcome?, since: @autoclosure () throws(RowProblem) -> Date, context: ParseContext, options: SourceOptions,
                      summary: inout ParseSummary, runs: inout MappedRuns, into sink: any ParseSink,
                      event: (Outcome) throws(RowProblem) -> (event: UsageEvent, runID: String, line: Int)) throws(RowProblem) {
        guard let outcome = try outcome(listed: listed, since: try since(), context: context, options: options, summary: &summary) else {
            do throws(RowProblem) {
                let waiting = try event(.unfinished)
                runs.keepWaiting(waiting.event, runID: waiting.runID, line: waiting.line, into: sink)
            } catch {
                // Judged once the run ends, or once it is past the allowed age.
            }
            return
        }
        let built = try event(outcome)
        try runs.accept(built.event, runID: built.runID, line: built.line, into: sink)
    }
}
