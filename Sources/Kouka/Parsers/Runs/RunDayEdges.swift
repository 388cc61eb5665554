/// The runs on the first and on the last of the days a file's runs fall on, by hash: what a file is compared by with the
/// files whose days end the day before its own begin, or begin the day after its own end. One run two exports date a day
/// apart (a minutes session whose date was corrected across midnight, a translation request one export gives in UTC and
/// another, re-saved by Excel without its `Z`, in local time) is on the edge of both; a run id that numbers an export's
/// own rows (1, 2, 3… in each monthly file) is the same id a month apart, not a day, and is not taken for it.
package struct RunDayEdges: Sendable, Hashable {
    /// The runs of one day.
    package struct DayRuns: Sendable, Hashable {
        package var day: LocalDate
        package var runs: [UInt64]
    }

    package private(set) var first: DayRuns?
    package private(set) var last: DayRuns?

    package init() {}

    /// Logs run `hash` of `day`.
    mutating func add(_ hash: UInt64, day: LocalDate) {
        if let current = first, current.day <= day {
            if current.day == day { first!.runs.append(hash) }
        } else {
            first = DayRuns(day: day, runs: [hash])
        }
        if let current = last, current.day >= day {
            if current.day == day { last!.runs.append(hash) }
        } else {
            last = DayRuns(day: day, runs: [hash])
        }
    }

    /// These and `other`'s together (the parts of one file read apart).
    mutating func merge(_ other: RunDayEdges) {
        for edge in [other.first, other.last].compactMap({ $0 }) {
            for hash in edge.runs { add(hash, day: edge.day) }
        }
    }

    /// The runs on the first (`earlier`) or last day of a set made of a stored one, whose edge day is `storedDay` with runs
    /// `stored`, and of runs added, whose edge day is `addedDay` with runs `added`: the edge further out, or both on one
    /// day; nil (not known) where the edge taken is not known.
    package static func merged(_ storedDay: LocalDate, _ stored: [UInt64]?, _ addedDay: LocalDate, _ added: [UInt64]?, earlier: Bool) -> [UInt64]? {
        if storedDay == addedDay {
            guard let stored, let added else { return nil }
            return Array(Set(stored).union(added)).sorted()
        }
        return (storedDay < addedDay) == earlier ? stored : added
    }

    /// Of `runs` (kept whole, `RunRollup`), those of `day`, ascending and distinct.
    package static func runs(of runs: [RunRollup], on day: LocalDate) -> [UInt64] {
        Array(Set(runs.filter { $0.key.date == day }.map(\.hash))).sorted()
    }

    /// The runs of `day`, ascending and distinct, when it is the first (`onFirst`) or the last day of these runs; none
    /// otherwise (no run of the file is on it).
    package func runs(on day: LocalDate, first onFirst: Bool) -> [UInt64] {
        guard let edge = onFirst ? first : last, edge.day == day else { return [] }
        return Array(Set(edge.runs)).sorted()
    }
}
