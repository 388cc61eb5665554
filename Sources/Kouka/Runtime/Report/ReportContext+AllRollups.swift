extension ReportContext {
    /// From the first day a store can hold to the last (`yyyy-MM-dd`, which `checkRollupDays` holds every day to).
    static let everyDay = (from: LocalDate(year: 0, month: 1, day: 1), to: LocalDate(year: 9999, month: 12, day: 31))

    /// Every rollup of the store, read once and kept: the reports this context builds afterwards take theirs from it
    /// instead of reading the store again. Verification builds every year's report and wants them all anyway; each
    /// period read from the store would look every file up again.
    func keepingEveryRollup() throws -> [DailyRollup] {
        if let all = built.allRollups { return all }
        let all = try store.rollups(from: Self.everyDay.from, to: Self.everyDay.to)
        built.allRollups = all
        return all
    }

    /// The rollups of the days `from` to `to`, as `KoukaStore.rollups(from:to:)` gives them — the running totals of
    /// periods whose start is not known from outside those days first, then those days', each in the store's order —
    /// taken from every rollup when they are kept.
    func rollups(from: LocalDate, to: LocalDate) throws -> [DailyRollup] {
        guard let all = built.allRollups else { return try store.rollups(from: from, to: to) }
        var outside: [DailyRollup] = []
        var inside: [DailyRollup] = []
        for rollup in all {
            if rollup.key.date >= from && rollup.key.date <= to {
                inside.append(rollup)
            } else if rollup.key.undatedPeriod {
                // The store reads no quality count of a day outside the period.
                var bare = rollup
                bare.totals.quality = [:]
                outside.append(bare)
            }
        }
        return outside + inside
    }
}
