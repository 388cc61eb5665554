/// A robot's log whose runs were still running at the last nightly run (a batch begun at 23:30 and ending after 02:00 in
/// the next day's log), unchanged since: read again, it follows its runs into the robot's later logs, and one of them
/// grew since that run — the lines that end the batch. Read with them, it counts the runs the store is waiting for, and
/// verify named every daytime check of such a city as a store changed behind Kouka's back (helper-197 #1). Such a log is
/// taken as the store has it, as the grown log is: the next nightly run counts the runs as they end.
enum RunsGoingOnInGrownLogs {
    /// The ledger's lines of robots' logs (formats whose run ids span dated logs, `specs`) readable as they were read, with
    /// runs still running, for which a later log of the same robot is taken as stored for having grown (`standing`), each
    /// with its reason.
    static func find(ledger: [SourceFileRecord], standing: [String: LedgerCheck.Standing], specs: [String: SourceSpec]) -> [(path: String, reason: String)] {
        var grownDays: [String: [LocalDate]] = [:]
        for (path, state) in standing {
            guard case let .takenAsStored(reason) = state, reason == LedgerCheck.grewSince, specs[path]?.parser.runIdsSpanDatedLogs == true,
                  let name = DatedLogName(path) else { continue }
            grownDays[Self.robot(name), default: []].append(name.date)
        }
        guard !grownDays.isEmpty else { return [] }
        return ledger.compactMap { line in
            guard line.status == .present, line.pendingRuns > 0, case .readable? = standing[line.path],
                  specs[line.path]?.parser.runIdsSpanDatedLogs == true, let name = DatedLogName(line.path),
                  let grown = grownDays[Self.robot(name)]?.filter({ $0 > name.date }).min() else { return nil }
            return (line.path, "its \(line.pendingRuns) run(s) still running at the last nightly run go on in \(name.path(on: grown)), which "
                + "grew since: the next run counts them as they end")
        }
    }

    /// A robot's logs are told apart by their folder and the name around the date.
    private static func robot(_ name: DatedLogName) -> String { "\(name.folder)\u{0}\(name.prefix)\u{0}\(name.rest)" }
}
