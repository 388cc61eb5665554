import Foundation

/// What a file read again whole gives for the days it counted before, against what it counted: a day whose runs, units,
/// outcomes or tasks are not what they were is restated (helper-89's log-edited-in-place-rewrites-closed-year.sh: 100
/// items edited to 900 with the size and time kept, read again with exit 0, a closed year's hours raised sixfold). Days
/// it no longer holds are `RunsLost`'s; days it holds anew are new runs.
enum RestatedDays {
    /// Why a file is read again whole, as far as its figures are concerned.
    enum Cause: Equatable {
        /// With the settings, rules and hours it was read with: nothing but its bytes can move a day.
        case sameSettings
        /// With other settings of its `[[source]]` (or `pending_max_hours`): they may move a day, by the city's choice.
        case otherSettings
        /// In another time zone: its runs move between days, its sums over all days stay.
        case otherTimeZone

        /// Why a file its ledger line says was read with `readIn` (the zones and settings text, `IngestPlan.hasOtherTimeZone`)
        /// is read again under `configured`: the same text, the same zones with other settings, or other zones (or none kept).
        init(readIn: String?, configured: String) {
            if readIn == configured {
                self = .sameSettings
            } else if let readIn, SourceSpec.zones(of: readIn) == SourceSpec.zones(of: configured) {
                self = .otherSettings
            } else {
                self = .otherTimeZone
            }
        }
    }

    /// A day's sums by task, department, outcome and unit.
    struct Key: Hashable, Comparable {
        var task: String
        var department: String
        var outcome: String
        var unit: String

        /// The task's runs of one unit in a department, whatever their outcome.
        var group: String { "\(task)\u{0}\(department)\u{0}\(unit)" }

        static func < (a: Key, b: Key) -> Bool { (a.task, a.department, a.outcome, a.unit) < (b.task, b.department, b.outcome, b.unit) }
    }

    struct Sums: Equatable {
        var events: Int
        var quantity: Double

        static func == (a: Sums, b: Sums) -> Bool { a.events == b.events && abs(a.quantity - b.quantity) <= 1e-9 * max(1, abs(b.quantity)) }
    }

    struct Day: Equatable {
        var day: LocalDate
        var key: Key
        var before: Sums?
        var after: Sums?
    }

    /// A reading's sums per day and key; running totals (DeepL's snapshots) are no runs.
    static func perDay(_ rollups: [(key: RollupKey, totals: RollupTotals)]) -> [LocalDate: [Key: Sums]] {
        var days: [LocalDate: [Key: Sums]] = [:]
        for (key, totals) in rollups where !key.cumulative {
            let slot = Key(task: key.taskName, department: key.department, outcome: key.outcome.rawValue, unit: key.unit.rawValue)
            let was = days[key.date]?[slot] ?? Sums(events: 0, quantity: 0)
            days[key.date, default: [:]][slot] = Sums(events: was.events + totals.events, quantity: was.quantity + totals.quantity)
        }
        return days
    }

    /// The keys of the days both readings hold whose runs were changed, in date and key order. On a day before
    /// `settledBefore` (one the last reading held whole) any change is; on a later day, as many runs with other units, or
    /// fewer runs under a key while the day holds as many or more (a run's outcome or task changed), is, and more runs are
    /// runs added since. A day holding fewer runs in all is `RunsLost`'s. Runs counted unfinished that a later export holds
    /// ended (by rule, `unfinished` to another outcome) are passed over — only those: a task's day whose runs changed
    /// otherwise as well is named (helper-91: 40 runs added beside one that ended).
    static func days(before: [LocalDate: [Key: Sums]], after: [LocalDate: [Key: Sums]], settledBefore: LocalDate? = nil) -> [Day] {
        var restated: [Day] = []
        for day in before.keys.sorted() {
            guard let was = before[day], let now = after[day] else { continue }
            guard now.values.reduce(0, { $0 + $1.events }) >= was.values.reduce(0, { $0 + $1.events }) else { continue }
            let settled = settledBefore.map { day < $0 } ?? false
            let ended = Self.endedRuns(was: was, now: now)
            for key in Set(was.keys).union(now.keys).sorted() {
                let a = now[key] ?? Sums(events: 0, quantity: 0), b = was[key] ?? Sums(events: 0, quantity: 0)
                // A run that ended: its unfinished count gone, its ended one come, in a task whose runs changed no otherwise.
                if ended.contains(key.group), key.outcome == Outcome.unfinished.rawValue || a.events > b.events { continue }
                if settled ? a != b : (key.outcome != Outcome.unfinished.rawValue && (a.events < b.events || (a.events == b.events && a != b))) {
                    restated.append(Day(day: day, key: key, before: was[key], after: now[key]))
                }
            }
        }
        return restated
    }

    /// The task groups (task, department, unit) of a day whose only change is runs counted unfinished that have ended: as
    /// many runs in all, the unfinished ones fewer by as many as the others gained, and no other key with as many runs and
    /// other units.
    private static func endedRuns(was: [Key: Sums], now: [Key: Sums]) -> Set<String> {
        var groups: [String: [Key]] = [:]
        for key in Set(was.keys).union(now.keys) { groups[key.group, default: []].append(key) }
        return Set(groups.compactMap { group, keys in
            var closed = 0, gained = 0
            for key in keys {
                let a = now[key]?.events ?? 0, b = was[key]?.events ?? 0
                if key.outcome == Outcome.unfinished.rawValue {
                    closed += b - a
                } else if a < b || (a == b && now[key] != was[key]) {
                    return nil
                } else {
                    gained += a - b
                }
            }
            return closed > 0 && gained == closed ? group : nil
        })
    }

    /// The keys whose runs were changed over all the days both readings hold, as `days` judges a day not yet settled: for a
    /// file read again in another time zone, whose runs move between days. Returned under the first day of the earlier reading.
    static func inAll(before: [LocalDate: [Key: Sums]], after: [LocalDate: [Key: Sums]]) -> [Day] {
        guard let first = before.keys.min() else { return [] }
        func collapsed(_ days: [LocalDate: [Key: Sums]]) -> [LocalDate: [Key: Sums]] {
            var all: [Key: Sums] = [:]
            for sums in days.values {
                for (key, value) in sums {
                    let was = all[key] ?? Sums(events: 0, quantity: 0)
                    all[key] = Sums(events: was.events + value.events, quantity: was.quantity + value.quantity)
                }
            }
            return [first: all]
        }
        return days(before: collapsed(before), after: collapsed(after))
    }

    private static func text(_ sums: Sums?) -> String { sums.map { "\($0.events) run(s), \(NumberText.quantity($0.quantity))" } ?? "none" }

    /// The summary's reason: how many days, the first few with their sums, and what to do, by why the file was read again.
    static func reason(_ restated: [Day], cause: Cause = .sameSettings) -> String {
        let days = Set(restated.map(\.day))
        let shown = restated.prefix(3).map { "\($0.day) \($0.key.task) \($0.key.outcome) \($0.key.unit): \(text($0.before)) → \(text($0.after))" }
        let figures = "other figures for \(days.count) day(s) it counted before (\(shown.joined(separator: "; "))\(restated.count > 3 ? "; …" : ""))"
        if cause == .otherSettings {
            return "read again whole with the settings kouka.toml now gives its [[source]] (or [nightly] pending_max_hours), it gives \(figures): "
                + "if the settings change was meant to move them, the reports of those days state what they counted before: make them again; "
                + "if not, put the settings back, and if the file was edited as well, put the tool's own file back, then run kouka-nightly"
        }
        return "read again whole, it gives \(figures): "
            + "its past was rewritten, in place or by a new export. If it was edited, put the tool's own file back and run kouka-nightly; "
            + "if it is a corrected export, the reports of those days state what it held before: make them again"
    }

    /// The summary's reason for a file read again in another time zone whose sums over all its days changed.
    static func reasonInAll(_ restated: [Day]) -> String {
        let shown = restated.prefix(3).map { "\($0.key.task) \($0.key.outcome) \($0.key.unit): \(text($0.before)) → \(text($0.after))" }
        return "read again in the time zone kouka.toml gives now, it gives other figures over all its days than it counted before "
            + "(\(shown.joined(separator: "; "))\(restated.count > 3 ? "; …" : "")); its runs move between days with the zone, but their items "
            + "and outcomes should not change: if the file was edited, put the tool's own file back and run kouka-nightly; if it is a corrected "
            + "export, make the reports of its days again"
    }
}
