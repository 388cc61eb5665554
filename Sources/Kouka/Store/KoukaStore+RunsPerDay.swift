
extension KoukaStore {
    /// The runs (events) a counted file contributes per day, running totals (DeepL's snapshots) left out: what a
    /// file read again whole must still account for, day by day, or the figures of those days fall.
    /// A `gone` line counts its figures as a present one does: its file put back at its path is held to them too (helper-161).
    package func eventsPerDay(ofSourceAt path: String) throws -> [LocalDate: Int] {
        var days: [LocalDate: Int] = [:]
        try db.prepare("""
            SELECT r.day, SUM(r.events) FROM rollups r
            WHERE r.source_id = (SELECT id FROM source_files WHERE path = ? AND status IN ('present', 'gone')) AND r.cumulative = 0 GROUP BY r.day
            """).query([.text(path)]) { row in
            days[try row.date(0)] = Int(try row.int(1))
        }
        return days
    }
}

extension KoukaStore {
    /// What the counted file at `path` contributes on each day, by task, department, outcome and unit: its runs and units
    /// (`RestatedDays`). Running totals are no runs. A `gone` line's too, as `eventsPerDay(ofSourceAt:)` gives them.
    func sumsPerDay(ofSourceAt path: String) throws -> [LocalDate: [RestatedDays.Key: RestatedDays.Sums]] {
        var days: [LocalDate: [RestatedDays.Key: RestatedDays.Sums]] = [:]
        try db.prepare("""
            SELECT r.day, r.task_name, r.department, r.outcome, r.unit, SUM(r.events), SUM(r.quantity) FROM rollups r
            WHERE r.source_id = (SELECT id FROM source_files WHERE path = ? AND status IN ('present', 'gone')) AND r.cumulative = 0
            GROUP BY r.day, r.task_name, r.department, r.outcome, r.unit
            """, reading: "rollups").query([.text(path)]) { row in
            let key = RestatedDays.Key(task: try row.text(1), department: try row.text(2), outcome: try row.text(3), unit: try row.text(4))
            days[try row.date(0), default: [:]][key] = RestatedDays.Sums(events: Int(try row.int(5)), quantity: try row.double(6))
        }
        return days
    }
}
