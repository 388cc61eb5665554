
extension KoukaStore {
    /// The runs (events) a counted file contributes per day, running totals (DeepL's snapshots) left out: what a
    /// file read again whole must still account for, day by day, or the figures of those days fall.
    package func eventsPerDay(ofSourceAt path: String) throws -> [LocalDate: Int] {
        var days: [LocalDate: Int] = [:]
        try db.prepare("""
            SELECT r.day, SUM(r.events) FROM rollups r
            WHERE r.source_id = (SELECT id FROM source_files WHERE path = ? AND status = 'present') AND r.cumulative = 0 GROUP BY r.day
            """).query([.text(path)]) { row in
            days[try row.date(0)] = Int(try row.int(1))
        }
        return days
    }
}
