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
