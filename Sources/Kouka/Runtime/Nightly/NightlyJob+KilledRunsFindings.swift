extension NightlyJob {
    /// The run before which the store was last changed outside Kouka, when a run since the last finished one found that
    /// change and was killed before its summary stated it; nil otherwise. Such a run records the seal it found, and leaves
    /// the seal of its last commit, which holds the change: the next run finds that seal as left, so only the killed run's
    /// finding tells (helper-100 #3: the edit was never named by any nightly run). Accepted changes are not stated again.
    static func changeFoundByKilledRuns(_ runs: [JobRunSeal]) -> JobRunSeal? {
        let lastFinished = runs.last { $0.state == JobRunRecord.State.finished.rawValue }?.run ?? 0
        return JobRunSeal.breaks(in: runs).first { $0.after.run > lastFinished && !$0.after.accepted }?.before
    }
}
