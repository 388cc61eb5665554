extension KoukaStore {
    /// Starts noting the SQL of every statement this store runs, forgetting any noted before.
    func noteStatements() { db.statementsRun = [:] }

    /// The statements run since `noteStatements()`, by their SQL, with the work each did.
    var statementsNoted: [String: SQLiteWork] { db.statementsRun ?? [:] }

    /// SQLite's plan for `sql` (`EXPLAIN QUERY PLAN`), one detail line per step, such as
    /// `SEARCH s USING INTEGER PRIMARY KEY (rowid=?)` or `SCAN source_files`.
    func queryPlan(of sql: String) throws -> [String] {
        var lines: [String] = []
        try db.prepare("EXPLAIN QUERY PLAN \(sql)", reading: "sqlite_master").query { lines.append(try $0.text(3)) }
        return lines
    }
}
