
/// What a file read again whole no longer accounts for. An export overwritten each month by one that holds
/// only that month would otherwise take the earlier months' runs out of the figures without a word: every day
/// the file counted before must still have as many runs, counted or rejected (a run now counted by another file
/// is a rejected repeat), or the day is named.
enum RunsLost {
    struct Day: Equatable {
        var day: LocalDate
        var before: Int
        var after: Int
    }

    /// The days on which `after` (the runs per day of the file's new reading, `perDay`) is fewer than `before` (its
    /// contribution until now), in date order.
    static func days(before: [LocalDate: Int], after: [LocalDate: Int]) -> [Day] {
        guard !before.isEmpty else { return [] }
        return before.compactMap { day, runs in
            let now = after[day] ?? 0
            return now < runs ? Day(day: day, before: runs, after: now) : nil
        }.sorted { $0.day < $1.day }
    }

    /// The runs, counted or rejected, a reading holds on each day. Running totals (DeepL's snapshots) are not runs.
    static func perDay(rollups: [(key: RollupKey, totals: RollupTotals)], rejections: [Rejection]) -> [LocalDate: Int] {
        var after: [LocalDate: Int] = [:]
        for (key, totals) in rollups where !key.cumulative { after[key.date, default: 0] += totals.events }
        for rejection in rejections { if let day = rejection.day { after[day, default: 0] += 1 } }
        return after
    }

    /// What of `losses` the `gains` of other files on the same days do not make up for, taking those gains: a day's runs
    /// one file no longer holds and another now holds (two exports whose names were swapped) were not lost.
    static func notMadeUp(_ losses: [Day], by gains: inout [LocalDate: Int]) -> [Day] {
        losses.compactMap { lost in
            let taken = min(lost.before - lost.after, gains[lost.day] ?? 0)
            gains[lost.day, default: 0] -= taken
            return lost.after + taken < lost.before ? Day(day: lost.day, before: lost.before, after: lost.after + taken) : nil
        }
    }

    /// The same for a file read again in another time zone, whose runs may move to the days before or after: the
    /// runs in all, as one `Day` dated on the first day it counted before; nil when none was lost.
    static func inAll(before: [LocalDate: Int], rollups: [(key: RollupKey, totals: RollupTotals)], rejections: [Rejection]) -> Day? {
        guard let first = before.keys.min() else { return nil }
        let was = before.values.reduce(0, +)
        let now = rollups.reduce(0) { $0 + ($1.key.cumulative ? 0 : $1.totals.events) } + rejections.count(where: { $0.day != nil })
        return now < was ? Day(day: first, before: was, after: now) : nil
    }

    /// The summary's reason for a file read again in another time zone that lost runs in all.
    static func reasonInAll(_ lost: Day) -> String {
        "read again in the time zone kouka.toml gives now, it holds fewer runs in all than it counted before (\(lost.before) → \(lost.after)); "
            + "its runs move between days with the zone, but none should be lost: check that the file was not changed as well"
    }

    /// The summary's reason: how many days, the first few with their counts, and what to do; `bySettings` when the file was
    /// read again for its source's changed settings, which may be what took the runs away (a run waiting for its end again
    /// under a longer `pending_max_hours`).
    static func reason(_ days: [Day], bySettings: Bool = false, fromStudio: Int = 0) -> String {
        let shown = days.prefix(3).map { "\($0.day): \($0.before) → \($0.after)" }.joined(separator: ", ")
        let more = days.count > 3 ? ", …" : ""
        if bySettings {
            return "read again with the settings kouka.toml now gives its [[source]] (or [nightly] pending_max_hours), it holds fewer runs than it "
                + "counted before on \(days.count) day(s) (\(shown)\(more)): if the settings change was meant to take them (a run waiting for its end "
                + "again), the reports of those days state what they counted before: make them again; if not, put the settings back, and if the file "
                + "was changed as well, put the tool's own file back, then run kouka-nightly"
        }
        if fromStudio > 0 {
            // Read again by 0.5.14's rule (migration v39), a robot's log no longer counts the runs started from Studio: no file
            // was saved over (helper-170 #2: staff were sent after an export that was never overwritten).
            return "it now counts fewer runs than it counted before on \(days.count) day(s) (\(shown)\(more)): it holds \(fromStudio) run(s) "
                + "started from UiPath Studio, which Kouka no longer counts (runsFromStudio); if the fall is more than those, a part of "
                + "the file is missing: put the robot's own log back, then run kouka-nightly"
        }
        return "it now holds fewer runs than it counted before on \(days.count) day(s) (\(shown)\(more)); "
            + "the figures of those days fell with it. If the file was overwritten by a later export, put the earlier "
            + "one back under its own name (each export in a file of its own), then run kouka-nightly again; if it was rotated (renamed to "
            + "a .1 or dated name, a new file begun under its name) to a name the source's path does not match, widen the path to match "
            + "it instead: the runs count again under that name"
    }
}
