/// Checks that the store is one Kouka can read whole: its tables as the migrations made them, its pages
/// intact, its days dates. A store that fails one is never read as if it held less.
extension KoukaStore {
    /// Fails with `StoreError.schemaMismatch` unless every table Kouka's migrations make is there with every
    /// column they give it (name, type, NOT NULL, key): a renamed or dropped column is named with the table
    /// before anything is read. Costs about a millisecond: the migrations are applied to an empty database in
    /// memory and the two are compared.
    package func checkSchema() throws {
        let (reference, tables) = try Self.reference()
        for table in tables {
            let expected = try Self.columns(of: table, in: reference)
            let found = try Self.columns(of: table, in: db)
            guard !found.isEmpty else { throw StoreError.schemaMismatch(path: path, table: table, problem: "the table is missing") }
            for column in expected where !found.contains(column) {
                throw StoreError.schemaMismatch(
                    path: path, table: table,
                    problem: "it has no column \(column.name) \(column.type)\(column.notNull ? " NOT NULL" : "") (its columns: \(found.map(\.name).joined(separator: ", ")))")
            }
        }
    }

    /// An empty database in memory with Kouka's migrations applied, and its tables.
    private static func reference() throws -> (SQLiteConnection, [String]) {
        let reference = try SQLiteConnection(path: ":memory:")
        try Migrations.apply(to: reference)
        var tables: [String] = []
        try reference.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", reading: "sqlite_master")
            .query { tables.append(try $0.text(0)) }
        return (reference, tables)
    }

    private struct Column: Hashable {
        var name: String
        var type: String
        var notNull: Bool
        var key: Int64
    }

    private static func columns(of table: String, in connection: SQLiteConnection) throws -> [Column] {
        var columns: [Column] = []
        try connection.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", reading: table).query([.text(table)]) {
            columns.append(Column(name: try $0.text(0), type: try $0.text(1), notNull: try $0.flag(2), key: try $0.int(3)))
        }
        return columns
    }

    /// Runs SQLite's `PRAGMA integrity_check` on each of Kouka's tables and fails with `StoreError.unreadable`
    /// naming the first table whose pages or indexes are damaged. Reads every page of the database: about
    /// 5 ms for the sample city's 1 MB store, 10 ms for a 6 MB one.
    package func checkPages() throws {
        for table in try Self.reference().1 {
            var problems: [String] = []
            try db.prepare("SELECT * FROM pragma_integrity_check(?)", reading: table).query([.text(table)]) { problems.append(try $0.text(0)) }
            guard problems == ["ok"] else {
                throw StoreError.unreadable(path: path, table: table, code: 11,
                                            reason: "PRAGMA integrity_check finds: \(problems.prefix(3).joined(separator: "; "))")
            }
        }
    }

    /// Fails with `StoreError.undecodable` when a rollup's day is not a date as Kouka writes it (`yyyy-MM-dd`):
    /// such a row may fall outside every period's range, so that no report reads it and it vanishes from every
    /// figure. One pass over the rollups.
    package func checkRollupDays() throws {
        try db.prepare("SELECT DISTINCT day FROM rollups", reading: "rollups").query { _ = try $0.date(0) }
    }
}
