/// The order `KoukaStore.rollups(from:to:)` gives its rows in: by day, department, system, task, outcome, unit, off
/// hours and file, each text by its bytes — what `ORDER BY r.day, r.department, r.family, r.task_name, r.outcome, r.unit,
/// r.off_hours, r.source_id` gives, without SQLite's sort.
///
/// SQLite sorted every row read through a temporary b-tree: of verification's two loadings of 320,000 rollups at 18,260
/// daily files (the store's and the logs read again), 276 of 590 samples (`perf`) were SQLite's sorter. The rows come out of
/// the rollups' primary key already in this order within each file, and the files mostly in order of their days: Swift's
/// sort, which merges runs already in order, puts them in place from their texts' numbers (`StoredTextCodes`).
struct RollupReadingOrder {
    /// A row's place in the order: its texts by their codes (ranks once `sort` maps them), then its flag and its file.
    struct Key {
        var day, department, family, task, outcome, unit: UInt32
        var offHours: Bool
        var source: Int64
        /// Where the row was read.
        var row: Int
    }

    private var keys: [Key] = []

    init(reserving count: Int) { keys.reserveCapacity(count) }

    mutating func append(_ key: Key) { keys.append(key) }

    /// Puts `rows[range]` (the rows appended, in the order they were appended, their `row` counted from the range's
    /// start) in the order, given each column's ranks by code (`StoredTextCodes.ranks`); forgets the keys.
    mutating func sort(_ rows: inout [DailyRollup], range: Range<Int>, days: [UInt32], departments: [UInt32], families: [UInt32], tasks: [UInt32],
                       outcomes: [UInt32], units: [UInt32]) {
        precondition(keys.count == range.count, "one key per row read")
        for i in keys.indices {
            keys[i].day = days[Int(keys[i].day)]
            keys[i].department = departments[Int(keys[i].department)]
            keys[i].family = families[Int(keys[i].family)]
            keys[i].task = tasks[Int(keys[i].task)]
            keys[i].outcome = outcomes[Int(keys[i].outcome)]
            keys[i].unit = units[Int(keys[i].unit)]
        }
        keys.sort(by: Self.precedes)
        // In place: row `keys[i].row` goes to place `i`, each cycle of the permutation followed once.
        var from = keys.map(\.row)
        keys = []
        for start in from.indices where from[start] != start {
            let held = rows[range.lowerBound + start]
            var place = start
            while from[place] != start {
                let next = from[place]
                rows[range.lowerBound + place] = rows[range.lowerBound + next]
                from[place] = place
                place = next
            }
            rows[range.lowerBound + place] = held
            from[place] = place
        }
    }

    private static func precedes(_ a: Key, _ b: Key) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.department != b.department { return a.department < b.department }
        if a.family != b.family { return a.family < b.family }
        if a.task != b.task { return a.task < b.task }
        if a.outcome != b.outcome { return a.outcome < b.outcome }
        if a.unit != b.unit { return a.unit < b.unit }
        if a.offHours != b.offHours { return !a.offHours }
        return a.source < b.source
    }
}
