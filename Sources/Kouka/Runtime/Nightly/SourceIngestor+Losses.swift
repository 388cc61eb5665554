
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
            summary.filesLosingRuns.append(.init(path: loss.display, reason: RunsLost.reason(days, bySettings: loss.bySettings, fromStudio: loss.fromStudio)))
            logger.warning("source file read again holds fewer runs than it counted", metadata: ["file": "\(loss.display)", "days": "\(days.count)"])
        }
        losses = []
    }

    /// Names the files read again that no longer hold the running totals of a billing period they counted, where no other
    /// counted file holds that period now: a usage answer saved over each poll (`curl … > usage.json`) by the next period's
    /// took the earlier period's characters out of every figure, every job exiting 0 (helper-132). Judged once every file
    /// of the run is recorded, so that two files whose names were swapped lose nothing.
    func settlePeriodsLost(store: KoukaStore, summary: inout NightlySummary) throws {
        for display in periodsNoLongerHeld.keys.sorted() {
            let lost = try periodsNoLongerHeld[display]!.filter { try !store.holdsRunningTotals(of: $0, otherThan: display) }.sorted()
            guard !lost.isEmpty else { continue }
            summary.filesLosingRuns.append(.init(path: display, reason: Self.periodsLostReason(lost)))
            logger.warning("source file read again no longer holds billing periods it counted", metadata: ["file": "\(display)", "periods": "\(lost.count)"])
        }
        periodsNoLongerHeld = [:]
    }

    /// What the summary says of a file that no longer holds the running totals of billing periods `lost` (in order).
    static func periodsLostReason(_ lost: [KoukaStore.RunningTotalPeriod]) -> String {
        let shown = lost.prefix(3).map { "\($0.taskName) from \($0.start)" }.joined(separator: ", ") + (lost.count > 3 ? ", …" : "")
        return "it no longer holds the running totals of \(lost.count) billing period(s) it counted (\(shown)), and no other file does: "
            + "their characters count nowhere now (an answer saved over by the next period's). Put the file as it was back under a name of "
            + "its own, keep each poll's answer (append to the file, or a file a day), then run kouka-nightly"
    }
}
