
/// Files read again whole that hold fewer runs on some day than they counted (an export overwritten by one that holds
/// less) are named once every file of the run is recorded, less what other files of the format now hold beyond what they
/// counted on those days: two exports whose names were swapped each lose the other's days and gain them back.
extension SourceIngestor {
    /// Adds to the run's gains in `format` the runs a reading holds on each day beyond `before`, what its file counted there.
    func gain(_ after: [LocalDate: Int], beyond before: [LocalDate: Int] = [:], format: String) {
        for (day, runs) in after where runs > before[day] ?? 0 {
            gains[format, default: [:]][day, default: 0] += runs - (before[day] ?? 0)
        }
    }

    /// Names in `summary` the files whose lost runs no other file of the run holds now (exit 1).
    func settleLosses(summary: inout NightlySummary) {
        for loss in losses {
            var available = gains[loss.format] ?? [:]
            let days = RunsLost.notMadeUp(loss.days, by: &available)
            gains[loss.format] = available
            guard !days.isEmpty else { continue }
            summary.filesLosingRuns.append(.init(path: loss.display, reason: RunsLost.reason(days, bySettings: loss.bySettings)))
            logger.warning("source file read again holds fewer runs than it counted", metadata: ["file": "\(loss.display)", "days": "\(days.count)"])
        }
        losses = []
    }
}
