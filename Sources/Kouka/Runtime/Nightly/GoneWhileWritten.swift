import Foundation

/// A robot's daily log gone from the sources before the nightly run read it after its day was over: last read on its own
/// day (at 02:00, while the robot went on writing it), then removed — by a log retention of a day, or by hand — before the
/// next run. The lines the robot wrote after that reading count nowhere, and marking the file gone "keeping its figures"
/// said nothing of them; the run names it instead (exit 1).
enum GoneWhileWritten {
    /// The files of `gone` of a format whose files are a robot's dated daily logs (`LogParser.runIdsSpanDatedLogs`) that
    /// were last read on or before the day their name gives, in `clock`'s zone, and that no nightly run after that day saw:
    /// `lastRunBefore` is the last nightly run before this one that decided every file, which saw each of them there (it
    /// read a file that had grown, or found it unchanged since it was read).
    static func check(_ gone: [String], formats: Set<String>, clock: LocalClock, lastRunBefore: JobRunRecord?,
                      store: KoukaStore) throws -> [NightlySummary.FileProblem] {
        let seenOn = lastRunBefore.flatMap { Timestamp($0.startedAt) }.map { clock.localDate(of: $0.instant(in: clock)) }
        var found: [NightlySummary.FileProblem] = []
        for path in gone {
            guard let name = DatedLogName(path), seenOn.map({ $0 <= name.date }) ?? true, let line = try store.source(path: path),
                  formats.contains(line.format), let started = try store.lastReadingStart(ofSourceAt: path), let stamp = Timestamp(started)
            else { continue }
            let readOn = clock.localDate(of: stamp.instant(in: clock))
            guard readOn <= name.date else { continue }
            found.append(.init(path: path, reason: "it is gone, and was last read on \(readOn), while the robot could still write the day's log of \(name.date): what it wrote after that reading counts nowhere. Put the log back (from the robot's machine or a backup), then run kouka-nightly; keep the robot's logs at least a day after their day"))
        }
        return found
    }
}
