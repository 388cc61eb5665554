/// Runs whose lines two files hold, by the hashes of their ids (`RunKeyHash`): a robot's run that crossed midnight
/// has its start in one day's log and its end in the next (or a later one), and the log of its start counts it. Which
/// of the logs was read first must not decide what counts, so the nightly run is told which runs the other file shares.
package struct SharedRuns: Sendable, Hashable {
    /// The other file, by its display path.
    package var file: String
    /// The runs it shares with this one, ascending.
    package var hashes: [UInt64]
    /// The robot's logs of the days before `file`, nearest first, by display path: a run that crossed more than one
    /// midnight is counted by the log of its start, which may be one of these.
    package var earlier: [String]

    package init(file: String, hashes: [UInt64], earlier: [String] = []) {
        self.file = file
        self.hashes = hashes.sorted()
        self.earlier = earlier
    }
}
