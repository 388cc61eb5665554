extension KoukaStore {
    /// The runs still running, dated from `from` through `to`, that robots' daily logs among the sources held open at their
    /// end when last read, by path, dated by the day the log's name gives: a batch of the 31st past the 02:00 nightly run,
    /// a run whose robot stopped mid-run. A log whose run ended in the next day's log read the same night holds none.
    ///
    /// An export's rows still running are not asked for: a later export holding them ended counts them while the earlier
    /// keeps them waiting until it is past the allowed age, and a weekly export is named by its first day, not its runs'
    /// (helper-138: both named a report of a period over as leaving runs out, falsely).
    package func runsStillRunning(from: LocalDate, to: LocalDate) throws -> [String: Int] {
        var runs: [String: Int] = [:]
        try db.prepare("SELECT path, pending_runs FROM source_files WHERE status = 'present' AND pending_runs > 0 AND format = 'uipath-execution-log'",
                       reading: "source_files").query { s in
            let path = try s.text(0)
            guard let day = DatedLogName(path)?.date, day >= from, day <= to else { return }
            runs[path] = Int(try s.int(1))
        }
        return runs
    }
}
