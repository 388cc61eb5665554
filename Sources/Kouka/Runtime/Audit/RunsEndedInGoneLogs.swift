
/// The robot's logs verify cannot read again as they were read: a log that counted a run ended whose end came from the
/// robot's log of a later day that is gone from disk since (deleted, or a middle log of a run over several midnights).
/// Read again without that log, the run looks unfinished, and the whole year's figures would differ although the store
/// is right. Such a log is taken as the store has it, as a gone file is, and said so; its bytes are still checked by their
/// SHA-256 and its rollups by their digest, and only when its run ids are those of the fresh reading but for those runs'
/// marks. Limit: a mark removed behind Kouka's back from a run whose later log is gone looks the same as that run's end.
enum RunsEndedInGoneLogs {
    /// The paths of the logs to take as stored, each with the reason, among `ledger`'s present lines of a format whose
    /// run ids span a robot's dated logs (`specs`): those with a later log of the robot, as far as a run is followed, that
    /// the ledger knows and that is not among `onDisk`, and that the replay counts as unfinished a run the store counts
    /// ended.
    static func find(ledger: [SourceFileRecord], onDisk: Set<String>, specs: [String: SourceSpec], store: KoukaStore,
                     replay: KoukaStore) throws -> [String: String] {
        // Each robot's logs the ledger knows, by their name without the date.
        func robot(_ name: DatedLogName) -> String { "\(name.folder)\(name.prefix)\u{0}\(name.rest)" }
        var robots: [String: [(date: LocalDate, path: String)]] = [:]
        for line in ledger where line.status == .present || line.status == .gone {
            guard let name = DatedLogName(line.path) else { continue }
            robots[robot(name), default: []].append((name.date, line.path))
        }
        // By date, so that a log's later days are found by bisection: each log looked through all its robot's logs (1,826 a
        // robot over five years), comparisons that grew with the square of a robot's days.
        for key in robots.keys { robots[key]!.sort { ($0.date, $0.path) < ($1.date, $1.path) } }
        var found: [String: String] = [:]
        for line in ledger where line.status == .present && onDisk.contains(line.path) {
            guard specs[line.path]?.parser.runIdsSpanDatedLogs == true, let name = DatedLogName(line.path),
                  let logs = robots[robot(name)] else { continue }
            let last = name.date.adding(days: UiPathExecutionLogParser.longestRunDays - 1)
            guard let gone = Self.firstGone(in: logs, after: name.date, through: last, onDisk: onDisk),
                  let stored = try store.countedRuns(ofSourceAt: line.path), let replayed = try replay.countedRuns(ofSourceAt: line.path)
            else { continue }
            let endedHereOnly = replayed.unfinished.subtracting(stored.unfinished).intersection(stored.all)
            // Only that difference is forgiven: the same runs, and no other run's mark, or the file is compared as any other,
            // so that run ids edited behind Kouka's back are still named.
            guard !endedHereOnly.isEmpty, replayed.all == stored.all, replayed.unfinished.subtracting(endedHereOnly) == stored.unfinished else { continue }
            found[line.path] = "\(endedHereOnly.count) run(s) it counts ended have their end in \(gone.path), the robot's log of a later day, gone from disk since: without it they would read as unfinished, so the file is taken as the store has it (its bytes checked by their SHA-256)"
        }
        return found
    }

    /// The robot's earliest log after `day`, through `last`, that is not among `onDisk`; `logs` in the order of their dates.
    static func firstGone(in logs: [(date: LocalDate, path: String)], after day: LocalDate, through last: LocalDate,
                          onDisk: Set<String>) -> (date: LocalDate, path: String)? {
        var low = 0, high = logs.count
        while low < high {
            let middle = (low + high) / 2
            if logs[middle].date > day { high = middle } else { low = middle + 1 }
        }
        for log in logs[low...] {
            if log.date > last { return nil }
            if !onDisk.contains(log.path) { return log }
        }
        return nil
    }
}
