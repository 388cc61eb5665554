import Foundation

/// One run's id hash and marks, and the one rollup the run makes, kept with the file that holds it (the store's
/// `run_rollups`, covered by the file's rollup digest) where the file may have to change its count of that run after it
/// can no longer be read again (deleted, as exports are by routine retention):
/// - a run it left out because another file counts it: should that file no longer count it, this one counts it
///   (`KoukaStore.takeBack`), where the run counted nowhere;
/// - a run it counts before its end (a chatbot's last question in its export): should a later export hold it further on
///   (answered, or followed by the next question), this one gives it up (`KoukaStore.giveUp`) and that export counts it,
///   where the deleted export's outcome stood.
/// No text of the row is kept: the key holds the task's and department's names only.
package struct RunRollup: Sendable, Hashable {
    /// The run id's hash, as the run-key sets keep it.
    package var hash: UInt64
    /// The 1-based line of the row that holds it.
    package var line: Int
    /// Counted without an end, or a chatbot question a later copy may still end.
    package var unfinished: Bool
    /// Besides, a question no answer followed yet.
    package var unanswered: Bool
    package var key: RollupKey
    package var totals: RollupTotals
    /// Of a run still running when its file was read (`RunRollupRole.waiting`), when it started, or waits since: it counts
    /// as unfinished once older than `pending_max_hours`; nil for any other run.
    package var since: Date?

    package init(hash: UInt64, line: Int, unfinished: Bool, unanswered: Bool, key: RollupKey, totals: RollupTotals, since: Date? = nil) {
        self.since = since
        self.hash = hash
        self.line = line
        self.unfinished = unfinished
        self.unanswered = unanswered
        self.key = key
        self.totals = totals
    }

    /// How far on the file holds the run (`CountedRun.stage`): not answered yet, then unfinished, then ended.
    var stage: Int { CountedRun.stage(unfinished: unfinished, unanswered: unanswered) }

    /// The same run with its line moved on by `lines` (a part of a file read on its own numbers its lines from 1).
    func shifted(by lines: Int) -> RunRollup {
        var moved = self
        moved.line += lines
        return moved
    }
}
