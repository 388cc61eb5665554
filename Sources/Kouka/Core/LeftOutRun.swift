/// A run a row holds that is left out because another file counts it (`RunAdmission.Refusal.countedIn`), with the run as
/// the row gives it: on its way from the parser to the file's collector, which keeps the rollup it would have made
/// (`RunRollup`).
package struct LeftOutRun: Sendable, Hashable {
    /// The run id's hash, as the run-key sets keep it.
    package var hash: UInt64
    /// Counted without an end (`Outcome.unfinished`), or a chatbot question a later copy may still end.
    package var unfinished: Bool
    /// Besides, a question no answer followed yet.
    package var unanswered: Bool
    /// The run as the row gives it.
    package var event: UsageEvent

    package init(hash: UInt64, unfinished: Bool, unanswered: Bool, event: UsageEvent) {
        self.hash = hash
        self.unfinished = unfinished
        self.unanswered = unanswered
        self.event = event
    }
}
