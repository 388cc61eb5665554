extension KoukaStore {
    /// Whether any counted file gives items for the task named `taskName` of `family`: a robot that works a queue. Its run
    /// that found the queue empty gives a run and no item, which under a catalog row in items saved nothing and lost nothing
    /// (helper-129: named every night a queue was empty). Looked up only for such a run; the rollups have no index by task,
    /// so this reads them once.
    func givesItems(family: String, taskName: String) throws -> Bool {
        var gives = false
        try db.prepare("SELECT EXISTS (SELECT 1 FROM rollups WHERE family = ?1 AND task_name = ?2 AND unit = 'items')", reading: "rollups")
            .query([.text(family), .text(taskName)]) { gives = try $0.flag(0) }
        return gives
    }
}

extension KoukaStore {
    /// The first day each task (`family`, NUL, name in the log) is given items on in a counted file: one reading of the rollups.
    func firstDaysGivingItems() throws -> [String: LocalDate] {
        var days: [String: LocalDate] = [:]
        try db.prepare("""
            SELECT r.family, r.task_name, MIN(r.day) FROM rollups r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.unit = 'items' AND s.status IN ('present', 'gone') GROUP BY r.family, r.task_name
            """, reading: "rollups").query { days["\(try $0.text(0))\u{0}\(try $0.text(1))"] = try $0.date(2) }
        return days
    }
}
