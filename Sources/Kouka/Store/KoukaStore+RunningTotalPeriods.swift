extension KoukaStore {
    /// A billing period a file's running totals (DeepL's `/v2/usage` with its period) count, by the day it starts and the
    /// task's name in the log.
    package struct RunningTotalPeriod: Hashable, Sendable, Comparable {
        package var start: LocalDate
        package var family: String
        package var taskName: String

        package static func < (a: Self, b: Self) -> Bool { (a.start, a.family, a.taskName) < (b.start, b.family, b.taskName) }
    }

    /// The dated billing periods the counted file at `path` holds running totals of.
    func runningTotalPeriods(ofSourceAt path: String) throws -> Set<RunningTotalPeriod> {
        var periods = Set<RunningTotalPeriod>()
        try db.prepare("""
            SELECT DISTINCT r.day, r.family, r.task_name FROM rollups r
            WHERE r.source_id = (SELECT id FROM source_files WHERE path = ? AND status = 'present') AND r.cumulative = 1
            """).query([.text(path)]) { row in
            periods.insert(RunningTotalPeriod(start: try row.date(0), family: try row.text(1), taskName: try row.text(2)))
        }
        return periods
    }

    /// Whether a counted file other than the one at `path` (on disk or deleted and kept) holds running totals of `period`.
    func holdsRunningTotals(of period: RunningTotalPeriod, otherThan path: String) throws -> Bool {
        var held = false
        try db.prepare("""
            SELECT EXISTS (SELECT 1 FROM rollups r JOIN source_files s ON s.id = r.source_id
                           WHERE s.path <> ?1 AND s.status IN ('present', 'gone') AND r.cumulative = 1 AND r.day = ?2 AND r.family = ?3 AND r.task_name = ?4)
            """, reading: "rollups").query([.text(path), .text(period.start.description), .text(period.family), .text(period.taskName)]) { held = try $0.flag(0) }
        return held
    }
}
