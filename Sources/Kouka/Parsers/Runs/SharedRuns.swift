/// Runs whose lines two files hold, by the hashes of their ids (`RunKeyHash`): a robot's run that crossed midnight
/// has its start in one day's log and its end in the next, and the log of its start counts it. Which of the two was
/// read first must not decide what counts, so the nightly run is told which runs the other file shares.
package struct SharedRuns: Sendable, Hashable {
    /// The other file, by its display path.
    package var file: String
    /// The runs it shares with this one, ascending.
    package var hashes: [UInt64]

    package init(file: String, hashes: [UInt64]) {
        self.file = file
        self.hashes = hashes.sorted()
    }
}
