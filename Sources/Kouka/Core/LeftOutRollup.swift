/// What a file would have counted for a run it left out because another file counts it: the run's id hash and marks, and
/// the one rollup the run makes. Kept with the file (the store's `left_out_runs`, covered by the file's rollup digest) so
/// that when the file counting the run no longer does (saved over with fewer runs) while this one cannot be read again
/// (deleted, as exports are by routine retention), this one counts it as it would have (`KoukaStore.takeBack`), where
/// before the run counted nowhere. No text of the row is kept: the key holds the task's and department's names only.
package struct LeftOutRollup: Sendable, Hashable {
    /// The run id's hash, as the run-key sets keep it.
    package var hash: UInt64
    /// The 1-based line of the row that holds it (its rejection's).
    package var line: Int
    /// Counted without an end, or a chatbot question a later copy may still end.
    package var unfinished: Bool
    /// Besides, a question no answer followed yet.
    package var unanswered: Bool
    package var key: RollupKey
    package var totals: RollupTotals

    package init(hash: UInt64, line: Int, unfinished: Bool, unanswered: Bool, key: RollupKey, totals: RollupTotals) {
        self.hash = hash
        self.line = line
        self.unfinished = unfinished
        self.unanswered = unanswered
        self.key = key
        self.totals = totals
    }

    /// The same run with its line moved on by `lines` (a part of a file read on its own numbers its lines from 1).
    func shifted(by lines: Int) -> LeftOutRollup {
        var moved = self
        moved.line += lines
        return moved
    }
}
