extension ReportContext {
    /// From the first day a store can hold to the last (`yyyy-MM-dd`, which `checkRollupDays` holds every day to).
    static let everyDay = (from: LocalDate(year: 0, month: 1, day: 1), to: LocalDate(year: 9999, month: 12, day: 31))

    /// Every rollup of the store, read once and kept: the reports this context builds afterwards take theirs from it
    /// instead of reading the store again. Verification builds every year's report and wants them all anyway; each
    /// period read from the store would look every file up again.
    func keepingEveryRollup() throws -> [DailyRollup] {
        if let all = built.allRollups { return all }
        let all = try store.rollups(from: Self.everyDay.from, to: Self.everyDay.to, reserving: try store.rollupCount())
        built.allRollups = all
        built.allRollupsInDayOrder = zip(all, all.dropFirst()).allSatisfy { $0.key.date <= $1.key.date }
        built.undatedPeriodRollups = all.indices.filter { all[$0].key.undatedPeriod }
        return all
    }

    /// The rollups of the days `from` to `to`, as `KoukaStore.rollups(from:to:)` gives them — the running totals of
    /// periods whose start is not known from outside those days first, then those days', each in the store's order —
    /// taken from every rollup when they are kept.
    func rollups(from: LocalDate, to: LocalDate) throws -> [DailyRollup] {
        guard let all = built.allRollups else { return try store.rollups(from: from, to: to) }
        var outside: [DailyRollup] = []
        let places = built.allRollupsInDayOrder ? built.undatedPeriodRollups : Array(all.indices)
        for place in places where all[place].key.undatedPeriod && (all[place].key.date < from || all[place].key.date > to) {
            // The store reads no quality count of a day outside the period.
            var bare = all[place]
            bare.totals.quality = [:]
            outside.append(bare)
        }
        guard built.allRollupsInDayOrder else {
            return outside + all.filter { $0.key.date >= from && $0.key.date <= to }
        }
        // A period cut before its first day (a year starting after the store's day, its year before cut at the same day a year
        // earlier) has no days: as the store gives none, not a range whose end is before its start, which stopped the process.
        let first = Self.firstPlace(in: all) { $0 >= from }
        let days = first..<max(first, Self.firstPlace(in: all) { $0 > to })
        outside.reserveCapacity(outside.count + days.count)
        outside.append(contentsOf: all[days])
        return outside
    }

    /// The first place in `all` (in day order) whose day is `atOrAfter`, or its end.
    private static func firstPlace(in all: [DailyRollup], where atOrAfter: (LocalDate) -> Bool) -> Int {
        var low = 0, high = all.count
        while low < high {
            let middle = (low + high) / 2
            if atOrAfter(all[middle].key.date) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
