/// The files whose days end the day before a file's begin, or begin the day after its end: compared with it by the runs of
/// those two days only (`RunDayEdges`), where the format's times may give one run a day apart in two exports.
extension KoukaStore {
    /// Adds to `others` the files of `format` other than `path`, not `seen` yet, whose run-key sets end the day before
    /// `keys` begin or begin the day after they end, with the runs of `keys` each holds on that edge; for `keys` that keep
    /// the runs of their edges, and sets that keep theirs (a set written before Kouka kept them is compared by its days).
    func addFilesOfTheDaysNextTo(_ keys: RunKeyStream, format: String, otherThan path: String, classes: Set<Int>, seen: inout Set<Int64>,
                                 to others: inout [ComparedRunKeySet]) throws {
        guard keys.firstDayRuns?.isEmpty == false || keys.lastDayRuns?.isEmpty == false else { return }
        // The sets holding one day, by span class as `runsCountedElsewhere` finds them; of those, the ones whose edge it is.
        let holding = try db.prepare("""
            SELECT s.id, s.path, k.unfinished, k.unanswered, k.first_day, k.last_day, k.first_day_runs, k.last_day_runs
            FROM run_key_sets k CROSS JOIN source_files s ON s.id = k.source_id
            WHERE k.span_class = ? AND k.first_day BETWEEN ? AND ? AND k.last_day >= ? AND s.format = ? AND s.path <> ? AND s.status IN ('present', 'gone')
            """, reading: "run_key_sets")
        let edges = [(day: keys.days.lowerBound.adding(days: -1), runs: keys.firstDayRuns ?? [], theirLast: true),
                     (day: keys.days.upperBound.adding(days: 1), runs: keys.lastDayRuns ?? [], theirLast: false)]
        for edge in edges where !edge.runs.isEmpty {
            let runs = Set(edge.runs)
            for spanClass in RunKeySpan.classes where classes.contains(spanClass) {
                let earliest = RunKeySpan.earliestStart(ofClass: spanClass, overlapping: edge.day)
                try holding.query([.integer(Int64(spanClass)), .text(RunKeySpan.bound(earliest)), .text(edge.day.description), .text(edge.day.description),
                                   .text(format), .text(path)]) { row in
                    let id = try row.int(0)
                    // Its edge on that day: it ends there (the day before these), or begins there (the day after).
                    guard try row.text(edge.theirLast ? 5 : 4) == edge.day.description, !seen.contains(id) else { return }
                    let column: Int32 = edge.theirLast ? 7 : 6
                    guard !row.isNull(column) else { return }
                    let shared = try row.hashes(column).filter(runs.contains)
                    guard !shared.isEmpty else { return }
                    seen.insert(id)
                    others.append((id, try row.text(1), row.isNull(2) ? [] : Set(try row.hashes(2)), row.isNull(3) ? [] : Set(try row.hashes(3)), shared))
                }
            }
        }
    }
}
